package fr.gouv.conventions.projections.engagements;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the chain of a rebuild's batches shares: the views of the last conventions it folded, at most
 * {@code viewsKept} of them, and what it knows of their rows in the schema it emptied. Only the thread that folds
 * the batches touches it.
 */
final class ViewsInMemory {

    /**
     * The views kept, the one folded least recently first; each in the Optional a batch answers, made once per
     * view kept rather than once per event folded.
     */
    private final Map<String, Optional<ConventionView>> views = new LinkedHashMap<>(16, 0.75f, true);
    private final int viewsKept;
    /** The conventions folded since {@link RebuildBatch#writeViews()} last wrote their rows, and still in memory. */
    private final Set<String> foldedSinceViewsWritten = new LinkedHashSet<>();
    /**
     * Those of them whose row a batch's flush wrote, or is writing: put out of memory, then folded again. Every
     * other convention in memory has no row until {@link RebuildBatch#writeViews()} is first called.
     */
    private final Set<String> withRow = new HashSet<>();
    /** Whether {@link RebuildBatch#writeViews()} was called: after that, every view in memory may have a row. */
    private boolean viewsWritten;
    private long evicted;
    private long readBack;
    private long readBackQueries;

    ViewsInMemory(int viewsKept) {
        if (viewsKept < 1) {
            throw new IllegalArgumentException("A rebuild keeps at least one view in memory, not " + viewsKept);
        }
        this.viewsKept = viewsKept;
    }

    /** The view kept for a convention; null if none is kept (a batch then looks among those put out of memory). */
    Optional<ConventionView> get(String conventionId) {
        return views.get(conventionId);
    }

    boolean contains(String conventionId) {
        return views.containsKey(conventionId);
    }

    /** Whether any view was put out of memory: until then, the schema holds no view that is not here. */
    boolean anyEvicted() {
        return evicted > 0;
    }

    /**
     * Keeps a view just folded; answers the view put out of memory to make room for it, the one folded least
     * recently, or null.
     */
    ConventionView keep(ConventionView view) {
        views.put(view.conventionId(), Optional.of(view));
        foldedSinceViewsWritten.add(view.conventionId());
        if (views.size() <= viewsKept) {
            return null;
        }
        Iterator<Optional<ConventionView>> leastRecent = views.values().iterator();
        ConventionView out = leastRecent.next().orElseThrow();
        leastRecent.remove();
        foldedSinceViewsWritten.remove(out.conventionId());
        evicted++;
        return out;
    }

    /**
     * Whether a view just put out of memory has a row in the schema, written or being written; from now on, its
     * batch's flush writes it.
     */
    boolean evictedWithRow(String conventionId) {
        return withRow.remove(conventionId) || viewsWritten;
    }

    /** A convention out of memory is folded again from a view whose row a batch wrote, or is writing. */
    void foldedAgainFromRow(String conventionId) {
        withRow.add(conventionId);
    }

    /** A convention out of memory is folded again from its row, read back from the schema. */
    void readBack(String conventionId) {
        withRow.add(conventionId);
        readBack++;
    }

    void readBackQuery() {
        readBackQueries++;
    }

    /**
     * The views folded since the last call, split by whether they may have a row already; once they are written,
     * every view in memory may have one.
     */
    ViewsToWrite takeViewsToWrite() {
        ViewsToWrite toWrite = new ViewsToWrite(new ArrayList<>(), new ArrayList<>());
        for (String id : foldedSinceViewsWritten) {
            ConventionView view = views.get(id).orElseThrow();
            (viewsWritten || withRow.contains(id) ? toWrite.withRow() : toWrite.withoutRow()).add(view);
        }
        foldedSinceViewsWritten.clear();
        withRow.clear();
        viewsWritten = true;
        return toWrite;
    }

    /** Views to upsert, since they may have a row, and views to copy, since they have none. */
    record ViewsToWrite(List<ConventionView> withRow, List<ConventionView> withoutRow) {
    }

    String report() {
        return evicted + " views written early to bound memory, " + readBack + " read back in " + readBackQueries
                + " queries";
    }
}
