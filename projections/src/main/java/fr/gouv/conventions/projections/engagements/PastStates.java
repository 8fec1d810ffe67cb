package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A convention as it stood in the past, replayed from the stored events rather than read from the read model:
 * as of a business date (the facts that had happened by then, whenever they were recorded), or as the service
 * knew it at an instant (the events recorded by then).
 */
@Component
public class PastStates {

    private final EventStore eventStore;

    PastStates(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * The facts dated on or before {@code day}. A draft recorded later than its first signature's date still
     * counts from the moment any later fact does: a convention cannot be signed before it exists.
     */
    public Optional<ConventionView> asOf(String conventionId, LocalDate day) {
        return replay(conventionId, event -> !((ConventionEvent) event.getPayload()).businessDate().isAfter(day),
                true);
    }

    /** The events recorded at or before {@code instant}. */
    public Optional<ConventionView> asKnownAt(String conventionId, Instant instant) {
        return replay(conventionId, event -> !event.getTimestamp().isAfter(instant), false);
    }

    private Optional<ConventionView> replay(String conventionId, Predicate<DomainEventMessage<?>> included,
                                            boolean draftFollowsItsFacts) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(conventionId, 0).asStream().toList();
        if (events.isEmpty() || !(events.get(0).getPayload() instanceof ConventionDrafted drafted)) {
            return Optional.empty();
        }
        List<? extends DomainEventMessage<?>> facts = events.subList(1, events.size()).stream()
                .filter(included).toList();
        boolean draftIncluded = included.test(events.get(0)) || (draftFollowsItsFacts && !facts.isEmpty());
        if (!draftIncluded) {
            return Optional.empty();
        }
        ConventionView view = ConventionView.drafted(drafted, 0);
        for (DomainEventMessage<?> event : facts) {
            view = view.apply((ConventionEvent) event.getPayload(), event.getSequenceNumber());
        }
        return Optional.of(view);
    }
}
