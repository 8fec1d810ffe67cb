package fr.gouv.conventions.api.axon.processors;

import fr.gouv.conventions.api.settings.ConventionsProperties;
import fr.gouv.conventions.projections.rebuild.RebuildSettings;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * What keeps the read models up to date: where the event processors keep their place in the store, and what a
 * rebuild of the read models holds at once. The processors themselves are set in {@code axon.eventhandling}.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorsConfiguration {

    /**
     * The token store, with a node id of its own for each instance ({@code conventions.node-id}, or one made at each
     * start): two instances (even in one JVM) must not both believe they own a segment of a processor.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          ConventionsProperties settings) {
        String nodeId = settings.nodeId();
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .nodeId(nodeId == null || nodeId.isBlank()
                        ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID() : nodeId)
                .build();
    }

    @Bean
    RebuildSettings rebuildSettings(ConventionsProperties settings) {
        return new RebuildSettings(settings.rebuild().batchSize(), settings.rebuild().viewsKept());
    }
}
