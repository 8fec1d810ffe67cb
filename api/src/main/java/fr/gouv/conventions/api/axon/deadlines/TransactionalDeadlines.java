package fr.gouv.conventions.api.axon.deadlines;

import fr.gouv.conventions.api.axon.commandhandling.CommandTransactions;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Instant;

/**
 * The deadline manager that commands are given: Axon's persisted one, whose schedules and cancellations are rows of
 * {@code scheduled_tasks}, written in the transaction of the command that decides them ({@link CommandTransactions}):
 * a convention is never stored without the deadline its draft set, nor is a deadline moved without its extension.
 */
final class TransactionalDeadlines implements DeadlineManager, Lifecycle {

    private final DeadlineManager persisted;
    private final CommandTransactions transactions;

    TransactionalDeadlines(DeadlineManager persisted, CommandTransactions transactions) {
        this.persisted = persisted;
        this.transactions = transactions;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        inTheCommandsTransaction();
        return persisted.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        inTheCommandsTransaction();
        persisted.cancelSchedule(deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(String deadlineName) {
        inTheCommandsTransaction();
        persisted.cancelAll(deadlineName);
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        inTheCommandsTransaction();
        persisted.cancelAllWithinScope(deadlineName, scope);
    }

    private void inTheCommandsTransaction() {
        CurrentUnitOfWork.ifStarted(transactions::require);
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return persisted.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return persisted.registerHandlerInterceptor(interceptor);
    }

    @Override
    public void shutdown() {
        persisted.shutdown();
    }

    @Override
    public void registerLifecycleHandlers(LifecycleRegistry lifecycle) {
        if (persisted instanceof Lifecycle withLifecycle) {
            withLifecycle.registerLifecycleHandlers(lifecycle);
        }
    }
}
