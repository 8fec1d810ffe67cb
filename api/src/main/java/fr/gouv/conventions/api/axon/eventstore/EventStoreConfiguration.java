package fr.gouv.conventions.api.axon.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.settings.ConventionsProperties;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import javax.sql.DataSource;

/** Where events are stored, how they are read back, and the JSON they are stored as. */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    /**
     * The JSON mapper of Axon's serializers (the name its autoconfiguration looks for), from the same
     * {@code spring.jackson} settings as HTTP's but tolerant: a field added to an event later never makes the older
     * ones unreadable. Its type factory keeps the class of each stored type name ({@link ClassCachingTypeFactory}),
     * set before the modules add their type modifiers to it.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setTypeFactory(ClassCachingTypeFactory.using(EventStoreConfiguration.class.getClassLoader()));
        builder.configure(mapper);
        return mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Connections as Spring hands them out: the transaction's where one is open, else one from the pool for each use.
     * Not Axon's default, which keeps the first connection a command asked for until the command ends: a
     * transaction opened later in the command ({@code CommandTransactions}) would not cover the append.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /** PostgreSQL reports a duplicate (aggregate, sequence number) as SQLState 23505: a concurrent append. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Axon's JDBC event storage, as its autoconfiguration builds it, but reading
     * {@code conventions.event-store.batch-size} events per query instead of 100 when a processor or a rebuild
     * streams the store (BENCHMARKS.md#rebuild-batches);
     * appending a lone event in one statement and reading each streamed event's timestamp once
     * ({@link PostgresEventStorageEngine}); and appending events already chained ({@link ChainedEventAppends}),
     * keeping the last link of as many conventions as the aggregate cache holds.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          ConventionsProperties settings) {
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .appendEvents(new ChainedEventAppends(settings.aggregateCacheSize()))
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(new EventSchema())
                .batchSize(settings.eventStore().batchSize()), transactionManager);
    }

    /**
     * Axon's event store, as its autoconfiguration builds it, but with every stream reading the storage on its own
     * instead of tailing one shared cache of recent events. That cache only pays off with several processors
     * tailing the store, and this service has one; and while a processor busy with a backlog held its place in
     * it, the thread filling it kept reading ahead until the next clean-up, 10 s later: a burst of appends (a
     * million events appended directly, in the benchmark) filled the whole heap with cached events.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine,
                                  org.axonframework.config.Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }
}
