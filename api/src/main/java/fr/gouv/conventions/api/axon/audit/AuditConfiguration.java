package fr.gouv.conventions.api.axon.audit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Who decided each stored event, for which request, and on which business date ({@link AuditMetadata}). */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> auditMetadataOnCommands() {
        return AuditMetadata.onCommands();
    }

    @Bean
    CorrelationDataProvider auditMetadataFromHandledMessage() {
        return AuditMetadata.fromHandledMessage();
    }

    @Bean
    InitializingBean auditMetadataOnStoredEvents(EventStore eventStore) {
        return () -> eventStore.registerDispatchInterceptor(AuditMetadata.onEvents());
    }
}
