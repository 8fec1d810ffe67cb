package fr.gouv.conventions.api.axon.commandhandling;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The database transaction of a command that writes something beside its events (its idempotency key, a deadline),
 * so that those rows and its events are stored together or not at all. A command that writes nothing but its events
 * has no transaction of its own: its append is its only write, one statement for a lone event
 * ({@code PostgresEventStorageEngine}). Commands therefore run without a transaction, and whatever writes beside the
 * events asks for one here first.
 */
public final class CommandTransactions {

    private static final String ATTACHED = CommandTransactions.class.getName() + ".attached";

    private final TransactionManager transactionManager;

    CommandTransactions(TransactionManager transactionManager) {
        this.transactionManager = transactionManager;
    }

    /**
     * Starts the transaction of the command that {@code unitOfWork} handles, unless it has one: it commits after the
     * command's events are appended, or rolls back with the command.
     */
    public void require(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> command = unitOfWork.root();
        if (command.resources().putIfAbsent(ATTACHED, Boolean.TRUE) == null) {
            command.attachTransaction(transactionManager);
        }
    }
}
