package fr.gouv.conventions.api.axon.deadlines;

import com.github.kagkarlsson.scheduler.Scheduler;
import fr.gouv.conventions.api.axon.commandhandling.CommandTransactions;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The avenant deadlines (R4–R6): persisted by db-scheduler, scheduled and cancelled in the command's transaction. */
@Configuration(proxyBeanMethods = false)
class DeadlinesConfiguration {

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
}
