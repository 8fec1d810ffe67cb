package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the served read model up to date from the live event stream. Each batch of the streaming processor is
 * one unit of work: its writes are flushed together before commit, in the transaction that moves its token. The
 * views it committed are kept in memory for the next events of the same conventions.
 */
@Component
@ProcessingGroup(ConventionProjectionHandler.PROCESSING_GROUP)
class ConventionProjectionHandler {

    static final String PROCESSING_GROUP = "conventions-projection";
    private static final String BATCH = ConventionProjectionHandler.class.getName() + ".batch";

    /**
     * The conventions being worked on: a view weighs a few kilobytes, the service runs in a 256 MiB heap, and a
     * convention the cache dropped only costs one read of its document.
     */
    private static final int COMMITTED_VIEWS = 1_000;

    private final ConventionProjection projection;
    private final JdbcTemplate jdbc;
    private final CommittedViews committedViews = new CommittedViews(COMMITTED_VIEWS);

    ConventionProjectionHandler(ConventionProjection projection, JdbcTemplate jdbc) {
        this.projection = projection;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConventionEvent event, @SequenceNumber long sequenceNumber) {
        LiveBatch batch = batch();
        committedViews.before(batch.schema(), event.conventionId(), sequenceNumber).ifPresent(batch::startFrom);
        projection.apply(batch, event, sequenceNumber);
    }

    private LiveBatch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(BATCH, key -> {
            // Shared with every other live batch, exclusive with the switch of schemas by a rebuild.
            jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)", Object.class,
                    ReadModelSchema.SWITCH_LOCK);
            LiveBatch batch = new LiveBatch(jdbc, ReadModelSchema.active(jdbc));
            unitOfWork.root().onPrepareCommit(committing -> batch.flush());
            unitOfWork.root().afterCommit(committed -> committedViews.committed(batch.schema(), batch.heldViews()));
            return batch;
        });
    }
}
