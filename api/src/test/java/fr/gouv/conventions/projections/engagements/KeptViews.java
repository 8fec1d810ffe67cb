package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * For tests on a running service: what the live projection does when it folds an event into a view it kept in
 * memory ({@link CommittedViews}), here placed in this package to reach the batch as the handler does.
 */
public final class KeptViews {

    private KeptViews() {
    }

    /**
     * Folds event {@code number} of a history into the view of the events before it, kept in memory, and writes
     * the result to the served read model, as a live batch would after a rebuild or another instance went past it.
     */
    public static void foldAgain(JdbcTemplate jdbc, ConventionProjection projection,
                                 List<? extends DomainEventMessage<?>> history, int number) {
        ReadModelSchema served = ReadModelSchema.active(jdbc);
        ReadModelBatch memory = ReadModelBatch.intoEmptied(jdbc, served, Integer.MAX_VALUE);
        history.stream().limit(number).forEach(event ->
                projection.apply(memory, (ConventionEvent) event.getPayload(), event.getSequenceNumber()));
        DomainEventMessage<?> next = history.get(number);
        ConventionView kept = memory.view(next.getAggregateIdentifier()).orElseThrow();

        ReadModelBatch live = new ReadModelBatch(jdbc, served);
        live.know(kept);
        projection.apply(live, (ConventionEvent) next.getPayload(), next.getSequenceNumber());
        live.flush();
    }
}
