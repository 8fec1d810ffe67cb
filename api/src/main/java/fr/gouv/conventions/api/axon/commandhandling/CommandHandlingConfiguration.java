package fr.gouv.conventions.api.axon.commandhandling;

import fr.gouv.conventions.api.settings.ConventionsProperties;
import fr.gouv.conventions.core.model.ConventionRefused;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.AxonNonTransientExceptionClassesPredicate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.function.Predicate;

/** How commands reach the aggregate: the bus, its transactions, and the gateway that retries lost races. */
@Configuration(proxyBeanMethods = false)
class CommandHandlingConfiguration {

    /**
     * Axon's command bus, as its autoconfiguration builds it but for the transaction it opens around every command:
     * a command that writes nothing but its events needs none, and saves a round trip to PostgreSQL (see
     * {@code PostgresEventStorageEngine}); those that write more open theirs ({@link CommandTransactions}).
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

    /**
     * Two instances may load the same convention at once: the second append of a sequence number fails with a
     * {@link ConcurrencyException}, and the command is retried against the new state, where its rules are
     * checked again, up to {@code conventions.command-retries} times. Refusals and duplicate drafts are final and
     * never retried.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ConventionsProperties settings) {
        var retryExecutor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
        if (settings.commandRetries() == 0) {
            return DefaultCommandGateway.builder().commandBus(commandBus).build();
        }
        Predicate<Throwable> axonNonTransient = new AxonNonTransientExceptionClassesPredicate();
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(retryExecutor)
                        .backoffFactor(10)
                        .maxRetryCount(settings.commandRetries())
                        .nonTransientFailurePredicate(failure -> failure instanceof ConventionRefused
                                || failure instanceof AggregateStreamCreationException
                                || axonNonTransient.test(failure))
                        .build())
                .build();
    }
}
