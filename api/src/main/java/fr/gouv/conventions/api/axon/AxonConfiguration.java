package fr.gouv.conventions.api.axon;

import fr.gouv.conventions.core.model.Convention;
import fr.gouv.conventions.core.model.ConventionRefused;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.context.annotation.Primary;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.OptionalLong;
import java.util.UUID;
import javax.cache.CacheManager;
import javax.cache.Caching;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/** Axon's wiring around the domain: the Convention aggregate, its snapshots, the clock and the audit metadata. */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /**
     * The JSON mapper of Axon's serializers (the name its autoconfiguration looks for), from the same
     * {@code spring.jackson} settings as HTTP's but tolerant: a field added to an event later never makes the older
     * ones unreadable. Its type factory keeps the class of each stored type name ({@link ClassCachingTypeFactory}),
     * set before the modules add their type modifiers to it, and it reads dates with {@link IsoLocalDateDeserializer}.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper(Jackson2ObjectMapperBuilder builder) {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setTypeFactory(ClassCachingTypeFactory.using(AxonConfiguration.class.getClassLoader()));
        builder.configure(mapper);
        mapper.registerModule(new SimpleModule("stored-dates")
                .addDeserializer(LocalDate.class, new IsoLocalDateDeserializer()));
        return mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The zone of the convention's business dates: a deadline day ends at midnight in Paris. */
    @Bean
    Clock clock(@Value("${conventions.zone:Europe/Paris}") ZoneId zone) {
        return Clock.system(zone);
    }

    /** How a convention is rebuilt from its snapshot; its model resolves handler parameters such as the clock. */
    @Bean
    AggregateFactory<Convention> conventionFactory(ParameterResolverFactory parameterResolvers) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Convention.class, parameterResolvers));
    }

    /**
     * Conventions kept in memory between commands, up to a number (Caffeine through JCache, by reference): a
     * command on a cached convention loads nothing. Not Axon's WeakReferenceCache, which loses entries at every
     * young collection. A convention changed by another instance meanwhile fails its append and is evicted, and
     * the command is retried on what is stored. The cache's upkeep runs on the command's thread: handed to the
     * common pool, it woke a thread of its own at every command (see BENCHMARKS.md#caffeine-upkeep).
     */
    @Bean(destroyMethod = "close")
    javax.cache.Cache<Object, Object> conventionCache(@Value("${conventions.aggregate-cache-size:5000}") long size) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(size));
        configuration.setStoreByValue(false);
        configuration.setExecutorFactory(() -> Runnable::run);
        CacheManager manager = Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager();
        return manager.createCache("conventions-" + UUID.randomUUID(), configuration);
    }

    /**
     * The Convention aggregate, snapshotted every {@code snapshotThreshold} events. Snapshots are taken on a thread of
     * their own: taken by the command's thread after commit, a snapshot needs a second database connection while
     * the command still holds the convention's lock, and under load the pool runs dry of connections held by
     * commands waiting for that lock.
     */
    @Bean
    ConfigurerModule conventionAggregate(AggregateFactory<Convention> conventionFactory,
                                         javax.cache.Cache<Object, Object> conventionCache,
                                         @Value("${conventions.snapshot-threshold:100}") int snapshotThreshold) {
        Executor snapshotThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "convention-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(Convention.class)
                        .configureAggregateFactory(config -> conventionFactory)
                        .configureCommandTargetResolver(config -> new ExpectedVersion())
                        .configureCache(config -> new JCacheAdapter(conventionCache))
                        .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                                AggregateSnapshotter.builder()
                                        .eventStore(config.eventStore())
                                        .aggregateFactories(conventionFactory)
                                        .repositoryProvider(config::repository)
                                        .transactionManager(config.getComponent(TransactionManager.class))
                                        .parameterResolverFactory(config.parameterResolverFactory())
                                        .handlerDefinition(config.handlerDefinition(Convention.class))
                                        .executor(snapshotThread)
                                        .build(),
                                snapshotThreshold)));
    }

    /**
     * Connections as Spring hands them out: the transaction's where one is open, else one from the pool for each use.
     * Not Axon's default, which keeps the first connection a command asked for until the command ends: a
     * transaction opened later in the command ({@link CommandTransactions}) would not cover the append.
     */
    @Bean
    ConnectionProvider connectionProvider(DataSource dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    /**
     * Axon's command bus, as its autoconfiguration builds it but for the transaction it opens around every command:
     * a command that writes nothing but its events needs none, and saves a round trip to PostgreSQL (see
     * {@link PostgresEventStorageEngine}); those that write more open theirs ({@link CommandTransactions}).
     */
    @Bean
    @Qualifier("localSegment")
    SimpleCommandBus commandBus(org.axonframework.config.Configuration configuration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(configuration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(configuration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(configuration.correlationDataProviders()));
        return commandBus;
    }

    @Bean
    CommandTransactions commandTransactions(TransactionManager transactionManager) {
        return new CommandTransactions(transactionManager);
    }

    /** Axon's persisted deadlines, as its autoconfiguration builds them; the tasks of db-scheduler run them. */
    @Bean
    DbSchedulerDeadlineManager persistedDeadlines(Scheduler scheduler,
                                                  org.axonframework.config.Configuration configuration,
                                                  @Qualifier("eventSerializer") Serializer serializer,
                                                  TransactionManager transactionManager,
                                                  DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                // db-scheduler's autoconfiguration starts and stops the scheduler.
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    /** The deadlines that commands schedule and cancel, in their transaction. */
    @Bean
    @Primary
    DeadlineManager deadlineManager(DbSchedulerDeadlineManager persistedDeadlines,
                                    CommandTransactions commandTransactions) {
        return new TransactionalDeadlines(persistedDeadlines, commandTransactions);
    }

    /**
     * The token store, with a node id of its own for each instance: two instances (even in one JVM) must not both
     * believe they own a segment of a processor.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          @Value("${conventions.node-id:}") String nodeId) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(new TokenSchema())
                .nodeId(nodeId.isBlank() ? ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID()
                        : nodeId)
                .build();
    }

    /**
     * Axon's JDBC event storage, as its autoconfiguration builds it, but reading 1000 events per query instead of
     * 100 when a processor or a rebuild streams the store: a replay of a million events makes a thousand queries
     * instead of ten thousand (BENCHMARKS.md#rebuild-batches); appending a lone event in one statement and reading each
     * streamed event's timestamp once ({@link PostgresEventStorageEngine}); and appending events already chained
     * ({@link ChainedEventAppends}), keeping the last link of as many conventions as the aggregate cache holds.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                          @Value("${conventions.event-store.batch-size:1000}") int batchSize,
                                          @Value("${conventions.aggregate-cache-size:5000}") long streamsKept) {
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .appendEvents(new ChainedEventAppends(streamsKept))
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(new EventSchema())
                .batchSize(batchSize), transactionManager);
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

    /** PostgreSQL reports a duplicate (aggregate, sequence number) as SQLState 23505: a concurrent append. */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Two instances may load the same convention at once: the second append of a sequence number fails with a
     * {@link ConcurrencyException}, and the command is retried against the new state, where its rules are
     * checked again. Refusals and duplicate drafts are final and never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus,
                                  @Value("${conventions.command-retries:5}") int retries) {
        var retryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        if (retries == 0) {
            return DefaultCommandGateway.builder().commandBus(commandBus).build();
        }
        Predicate<Throwable> axonNonTransient = new AxonNonTransientExceptionClassesPredicate();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .backoffFactor(10)
                        .maxRetryCount(retries)
                        .nonTransientFailurePredicate(failure -> failure instanceof ConventionRefused
                                || failure instanceof AggregateStreamCreationException
                                || axonNonTransient.test(failure))
                        .build())
                .build();
    }

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
