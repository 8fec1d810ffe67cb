package fr.gouv.conventions.api.idempotency;

import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import fr.gouv.conventions.api.axon.commandhandling.CommandTransactions;
import fr.gouv.conventions.core.event.EventMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Handles a command sent with an idempotency key at most once per actor: a known key answers without handling
 * the command, and the first answer is written in the command's transaction, opened here, with its events, so
 * that either both are stored or neither is. A concurrent twin blocks on the key until the first commits, then
 * fails on it and rolls back its events.
 */
@Component
class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyKeys keys;
    private final CommandTransactions transactions;

    IdempotencyInterceptor(IdempotencyKeys keys, CommandTransactions transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        var metadata = unitOfWork.getMessage().getMetaData();
        String key = (String) metadata.get(IdempotentRequest.KEY);
        if (key == null) {
            return chain.proceed();
        }
        var request = new IdempotentRequest((String) metadata.get(EventMetadata.ACTOR), key,
                (String) metadata.get(IdempotentRequest.REQUEST_HASH));
        transactions.require(unitOfWork);
        Optional<StoredAnswer> first = keys.find(request.actor(), key);
        if (first.isPresent()) {
            throw new AlreadyAnswered(first.get());
        }
        Object result = chain.proceed();
        try {
            keys.recordAcceptance(request, CommandOutcome.of(unitOfWork.getMessage().getPayload(), result));
        } catch (DuplicateKeyException concurrentTwinWon) {
            throw new AlreadyAnswered(null);
        }
        return result;
    }
}
