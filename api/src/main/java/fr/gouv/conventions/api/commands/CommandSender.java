package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import fr.gouv.conventions.api.axon.commandhandling.ExpectedVersion;
import fr.gouv.conventions.api.idempotency.IdempotencyKeyReused;
import fr.gouv.conventions.api.idempotency.AlreadyAnswered;
import fr.gouv.conventions.api.idempotency.IdempotencyKeys;
import fr.gouv.conventions.api.idempotency.IdempotentRequest;
import fr.gouv.conventions.api.idempotency.StoredAnswer;
import fr.gouv.conventions.core.event.EventMetadata;
import fr.gouv.conventions.core.model.ConventionRefused;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of an authenticated person: who they are, the request's correlation id, the version
 * they expect (If-Match) and their idempotency key travel as metadata. A key already answered gets its first
 * answer back, acceptance or domain refusal alike.
 */
@Component
class CommandSender {

    private final CommandGateway gateway;
    private final IdempotencyKeys idempotencyKeys;

    CommandSender(CommandGateway gateway, IdempotencyKeys idempotencyKeys) {
        this.gateway = gateway;
        this.idempotencyKeys = idempotencyKeys;
    }

    CommandOutcome send(Object command, CommandContext context) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(EventMetadata.ACTOR, context.actor());
        metadata.put(EventMetadata.CORRELATION_ID, context.correlationId());
        if (context.expectedVersion() != null) {
            metadata.put(ExpectedVersion.METADATA_KEY, context.expectedVersion());
        }
        IdempotentRequest idempotent = context.idempotencyKey() == null ? null
                : IdempotentRequest.of(context.actor(), context.idempotencyKey(), context.request());
        if (idempotent != null) {
            metadata.putAll(idempotent.metadata());
        }
        try {
            Object result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
            return CommandOutcome.of(command, result);
        } catch (AlreadyAnswered answered) {
            return replay(idempotent, answered.answer());
        } catch (ConventionRefused refusal) {
            if (idempotent != null && !idempotencyKeys.recordRefusal(idempotent, refusal)) {
                return replay(idempotent, null);
            }
            throw refusal;
        }
    }

    /** The first answer to this key, read again when a concurrent twin recorded it while this one ran. */
    private CommandOutcome replay(IdempotentRequest request, StoredAnswer known) {
        StoredAnswer first = known != null ? known : idempotencyKeys.find(request.actor(), request.key())
                .orElseThrow(() -> new IllegalStateException("The answer to " + request.key() + " vanished"));
        if (!first.requestHash().equals(request.requestHash())) {
            throw new IdempotencyKeyReused(request.key());
        }
        return first.replay();
    }

    /**
     * Who sends the command and how.
     *
     * @param request a canonical text of the request, path and body, to tell a retry from another request; only
     *                with an idempotency key
     */
    record CommandContext(String actor, String correlationId, Long expectedVersion, String idempotencyKey,
                          String request) {
    }
}
