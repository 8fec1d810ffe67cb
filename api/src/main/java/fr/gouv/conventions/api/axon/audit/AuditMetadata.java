package fr.gouv.conventions.api.axon.audit;

import fr.gouv.conventions.core.command.BusinessDated;
import fr.gouv.conventions.core.event.EventMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Puts on every stored event who decided it, the correlation id of the request, and its business date.
 * A command must name its actor, and gets a correlation id if it has none; events inherit both from the command
 * (or the deadline) being handled, and carry the business date of the fact they record.
 */
final class AuditMetadata {

    /** The actor of what the service decides itself when a scheduled deadline passes (R6). */
    static final String DEADLINE_ACTOR = "system:deadline-manager";

    private AuditMetadata() {
    }

    static MessageDispatchInterceptor<CommandMessage<?>> onCommands() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                return (index, command) -> {
                    if (!(command.getMetaData().get(EventMetadata.ACTOR) instanceof String actor) || actor.isBlank()) {
                        throw new IllegalArgumentException("Command " + command.getCommandName()
                                + " names nobody who issues it: every change must be attributable to a person");
                    }
                    return command.getMetaData().containsKey(EventMetadata.CORRELATION_ID) ? command
                            : command.andMetaData(Map.of(EventMetadata.CORRELATION_ID, UUID.randomUUID().toString()));
                };
            }
        };
    }

    static CorrelationDataProvider fromHandledMessage() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            copy(message, EventMetadata.ACTOR, data);
            copy(message, EventMetadata.CORRELATION_ID, data);
            return data;
        };
    }

    /**
     * Adds the business date of each event, and names the deadline manager as the actor of events decided when a
     * deadline passed: Axon runs deadline handlers without the correlation data providers of command handling.
     */
    static MessageDispatchInterceptor<EventMessage<?>> onEvents() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                Optional<String> deadline = CurrentUnitOfWork.map(UnitOfWork::getMessage)
                        .filter(DeadlineMessage.class::isInstance)
                        .map(Message::getIdentifier);
                return (index, event) -> {
                    Map<String, Object> metadata = new HashMap<>();
                    if (event.getPayload() instanceof BusinessDated dated) {
                        metadata.put(EventMetadata.BUSINESS_DATE, dated.businessDate().toString());
                    }
                    deadline.ifPresent(deadlineMessageId -> {
                        metadata.put(EventMetadata.ACTOR, DEADLINE_ACTOR);
                        metadata.put(EventMetadata.CORRELATION_ID, deadlineMessageId);
                    });
                    return metadata.isEmpty() ? event : event.andMetaData(metadata);
                };
            }
        };
    }

    private static void copy(Message<?> message, String key, Map<String, Object> into) {
        Object value = message.getMetaData().get(key);
        if (value != null) {
            into.put(key, value);
        }
    }
}
