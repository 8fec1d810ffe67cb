package fr.gouv.conventions.api.axon.aggregate;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import fr.gouv.conventions.api.axon.commandhandling.ExpectedVersion;
import fr.gouv.conventions.api.settings.ConventionsProperties;
import fr.gouv.conventions.core.model.Convention;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** The Convention aggregate: the clock of its business dates, how it is loaded, cached and snapshotted. */
@Configuration(proxyBeanMethods = false)
class AggregateConfiguration {

    /** The zone of business dates ({@code conventions.zone}): a deadline day ends at midnight there. */
    @Bean
    Clock clock(ConventionsProperties settings) {
        return Clock.system(settings.zone());
    }

    /** How a convention is rebuilt from its snapshot; its model resolves handler parameters such as the clock. */
    @Bean
    AggregateFactory<Convention> conventionFactory(ParameterResolverFactory parameterResolvers) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(Convention.class, parameterResolvers));
    }

    /**
     * Conventions kept in memory between commands, up to {@code conventions.aggregate-cache-size} (Caffeine through
     * JCache, by reference): a command on a cached convention loads nothing. Not Axon's WeakReferenceCache, which
     * loses entries at every young collection. A convention changed by another instance meanwhile fails its append
     * and is evicted, and the command is retried on what is stored. The cache's upkeep runs on the command's thread:
     * handed to the common pool, it woke a thread of its own at every command (see BENCHMARKS.md#caffeine-upkeep).
     */
    @Bean(destroyMethod = "close")
    javax.cache.Cache<Object, Object> conventionCache(ConventionsProperties settings) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(settings.aggregateCacheSize()));
        configuration.setStoreByValue(false);
        configuration.setExecutorFactory(() -> Runnable::run);
        CacheManager manager = Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager();
        return manager.createCache("conventions-" + UUID.randomUUID(), configuration);
    }

    /**
     * The Convention aggregate, snapshotted every {@code conventions.snapshot-threshold} events. Snapshots are taken
     * on a thread of their own: taken by the command's thread after commit, a snapshot needs a second database
     * connection while the command still holds the convention's lock, and under load the pool runs dry of
     * connections held by commands waiting for that lock.
     */
    @Bean
    ConfigurerModule conventionAggregate(AggregateFactory<Convention> conventionFactory,
                                         javax.cache.Cache<Object, Object> conventionCache,
                                         ConventionsProperties settings) {
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
                                settings.snapshotThreshold())));
    }
}
