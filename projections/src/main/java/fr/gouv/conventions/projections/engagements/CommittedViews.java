package fr.gouv.conventions.projections.engagements;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.gouv.conventions.projections.ReadModelSchema;

import java.util.Optional;

/**
 * The views the live projection has committed lately, so that the next event of a convention is folded without
 * reading its document back from the database and parsing it again.
 * <p>
 * A view is only taken from here for the event that directly follows it ({@code version + 1}): a fold is
 * deterministic, so that view is the one the database holds for that version. If another instance folded later
 * events in meanwhile (it owned the segment for a while), the next event is further on and the document is read
 * from the database. If a rebuild already wrote later versions, the conventions row only moves forward
 * ({@link ReadModelTables} never lowers a version).
 */
final class CommittedViews {

    private final Cache<Key, ConventionView> views;

    CommittedViews(long maximumSize) {
        // Its upkeep runs on the projection's thread rather than waking one of the common pool at each batch.
        this.views = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }

    /** The view an event of this sequence number folds into, if it is the one committed last. */
    Optional<ConventionView> before(ReadModelSchema schema, String conventionId, long sequenceNumber) {
        ConventionView view = views.getIfPresent(new Key(schema, conventionId));
        return view != null && view.version() == sequenceNumber - 1 ? Optional.of(view) : Optional.empty();
    }

    /** Called once the transaction that wrote these views has committed. */
    void committed(ReadModelSchema schema, Iterable<ConventionView> committed) {
        committed.forEach(view -> views.put(new Key(schema, view.conventionId()), view));
    }

    private record Key(ReadModelSchema schema, String conventionId) {
    }
}
