package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.projections.ReadModelSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A batch of a rebuild, in a chain of batches written to a schema just emptied, whose only writer they are. The
 * chain keeps in memory the views of the last {@code viewsKept} conventions it folded ({@link ViewsInMemory}), and
 * knows that the schema holds no other view than those and the ones it wrote. Each batch's flush writes the rows its
 * events add, by COPY; the conventions' own rows (and their parties') are written by {@link #writeViews()}, once for
 * many batches, since nobody reads that schema before the rebuild switches to it. Beyond {@code viewsKept}, the view
 * folded least recently is put out of memory, and written by the flush of the batch that did so: a rebuild's memory
 * does not grow with the number of conventions, and such a view is read back if its convention has another event.
 */
public final class RebuildBatch extends ReadModelBatch {

    private final ViewsInMemory memory;
    /** The views this batch put out of memory: its flush writes their rows. */
    private final EvictedViews evicted = new EvictedViews();
    /** Those of the batch before, which may still be being written. */
    private final EvictedViews evictedByBatchBefore;
    /** The views {@link #readBack} found for this batch's events, until they are folded. */
    private final Map<String, ConventionView> readBack = new HashMap<>();
    /** The conventions {@link #readBack} looked for, found or not: the schema is not asked for them again. */
    private final Set<String> lookedForInSchema = new HashSet<>();

    private RebuildBatch(ReadModelTables tables, ViewsInMemory memory, EvictedViews evictedByBatchBefore) {
        super(tables);
        this.memory = memory;
        this.evictedByBatchBefore = evictedByBatchBefore;
    }

    /** The first batch into a schema just emptied, keeping at most {@code viewsKept} views in memory. */
    public static RebuildBatch first(JdbcTemplate jdbc, ReadModelSchema emptied, int viewsKept) {
        return new RebuildBatch(new ReadModelTables(jdbc, emptied), new ViewsInMemory(viewsKept), new EvictedViews());
    }

    /**
     * The batch after this one, on the same schema, sharing the views in memory: they are right even while this
     * batch is still being written by another thread, which only reads the rows this batch collected.
     */
    public RebuildBatch next() {
        return new RebuildBatch(tables, memory, evicted);
    }

    /** How many views were put out of memory, and how many of those read back. */
    public String memoryReport() {
        return memory.report();
    }

    @Override
    Optional<ConventionView> view(String conventionId) {
        Optional<ConventionView> kept = memory.get(conventionId);
        if (kept != null) {
            return kept;
        }
        if (!memory.anyEvicted()) {
            return Optional.empty();
        }
        ConventionView beingWritten = evicted.get(conventionId);
        if (beingWritten == null) {
            beingWritten = evictedByBatchBefore.get(conventionId);
        }
        if (beingWritten != null) {
            memory.foldedAgainFromRow(conventionId);
            return Optional.of(beingWritten);
        }
        Optional<ConventionView> stored;
        if (lookedForInSchema.contains(conventionId)) {
            stored = Optional.ofNullable(readBack.remove(conventionId));
        } else {
            memory.readBackQuery();
            stored = tables.storedView(conventionId);
        }
        if (stored.isPresent()) {
            memory.readBack(conventionId);
        }
        return stored;
    }

    /**
     * Before this batch folds events of these conventions: reads in one query the views of those of them that are
     * out of memory and whose rows a batch before the last one wrote, instead of one query for each when its event
     * is folded. Conventions not found (most are new ones) are not looked for again by this batch.
     */
    public void readBack(Collection<String> conventionIds) {
        if (!memory.anyEvicted()) {
            return;
        }
        String[] absent = conventionIds.stream()
                .filter(id -> !memory.contains(id) && !evicted.contains(id) && !evictedByBatchBefore.contains(id)
                        && lookedForInSchema.add(id))
                .toArray(String[]::new);
        if (absent.length == 0) {
            return;
        }
        memory.readBackQuery();
        tables.storedViews(absent, view -> readBack.put(view.conventionId(), view));
    }

    @Override
    void put(ConventionView view) {
        ConventionView out = memory.keep(view);
        if (out != null) {
            evicted.add(out, memory.evictedWithRow(out.conventionId()));
        }
    }

    @Override
    void partyChanged(String conventionId, ConventionView.PartyView party) {
        // Parties' rows are written with their conventions' rows, from the views.
    }

    /** Writes the rows this batch's events add, and the views it put out of memory. */
    @Override
    public void flush() {
        tables.upsertViews(evicted.withRow());
        tables.copyViews(evicted.withoutRow());
        tables.copyNew(appended);
    }

    /**
     * Writes the rows of every convention folded since the last call, and of its parties, in the caller's
     * transaction; called when no batch of the chain is being written. The rows no flush wrote yet, most of them at
     * the first call, go by COPY; the others are upserted.
     */
    public void writeViews() {
        ViewsInMemory.ViewsToWrite toWrite = memory.takeViewsToWrite();
        tables.upsertViews(toWrite.withRow());
        tables.copyViews(toWrite.withoutRow());
    }

    /** The views a batch put out of memory, and whether each had a row already (then it is upserted, not copied). */
    private static final class EvictedViews {

        private final Map<String, ConventionView> views = new LinkedHashMap<>();
        private final Set<String> withoutRow = new HashSet<>();

        void add(ConventionView view, boolean hasRow) {
            views.put(view.conventionId(), view);
            if (!hasRow) {
                withoutRow.add(view.conventionId());
            }
        }

        ConventionView get(String conventionId) {
            return views.get(conventionId);
        }

        boolean contains(String conventionId) {
            return views.containsKey(conventionId);
        }

        List<ConventionView> withRow() {
            return views.values().stream().filter(view -> !withoutRow.contains(view.conventionId())).toList();
        }

        List<ConventionView> withoutRow() {
            return views.values().stream().filter(view -> withoutRow.contains(view.conventionId())).toList();
        }
    }
}
