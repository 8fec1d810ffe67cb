package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.projections.ReadModelSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A batch of the live projection, on the served schema: it reads the view of each convention it has not seen yet
 * (unless it was given the one committed last), and upserts what changed. A live batch may fold events a rebuild
 * already folded: a view or a signature stored is never replaced by an earlier one, an added row already there is
 * skipped.
 */
final class LiveBatch extends ReadModelBatch {

    /** The conventions this batch looked up, with their views as it folded them; empty for those not in the schema. */
    private final Map<String, Optional<ConventionView>> views = new HashMap<>();
    private final Map<String, ConventionView> changed = new LinkedHashMap<>();
    /** One row per party: one multi-row upsert may not touch the same row twice. */
    private final Map<List<String>, Object[]> changedParties = new LinkedHashMap<>();

    LiveBatch(JdbcTemplate jdbc, ReadModelSchema schema) {
        super(new ReadModelTables(jdbc, schema));
    }

    /**
     * Folds the convention's next event into this view, committed by an earlier batch, rather than into the one read
     * from the schema; unless this batch already folded the convention.
     */
    void startFrom(ConventionView committed) {
        views.putIfAbsent(committed.conventionId(), Optional.of(committed));
    }

    /** Every view this batch holds: once it is written and committed, those are the schema's. */
    List<ConventionView> heldViews() {
        return views.values().stream().flatMap(Optional::stream).toList();
    }

    @Override
    Optional<ConventionView> view(String conventionId) {
        return views.computeIfAbsent(conventionId, tables::storedView);
    }

    @Override
    void put(ConventionView view) {
        views.put(view.conventionId(), Optional.of(view));
        changed.put(view.conventionId(), view);
    }

    @Override
    void partyChanged(String conventionId, ConventionView.PartyView party) {
        // A party drafted and signed in one batch is written once, as signed.
        changedParties.put(List.of(conventionId, party.id()), ReadModelTables.partyRow(conventionId, party));
    }

    /**
     * Writes every change of the batch; rows already there are left as they are, and the read model never moves
     * back to an earlier version of a convention.
     */
    @Override
    public void flush() {
        tables.upsertConventions(changed.values());
        tables.upsertParties(new ArrayList<>(changedParties.values()));
        tables.insertNew(appended);
        changed.clear();
        changedParties.clear();
    }
}
