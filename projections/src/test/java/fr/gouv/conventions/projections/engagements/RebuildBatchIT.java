package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.projections.ReadModelDatabase;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a rebuild's chain of batches writes to an emptied schema of a real PostgreSQL, against what the live
 * projection writes for the same events: the same rows and documents, whether a view stayed in memory until the
 * end, or was put out of memory, written by a flush and read back for a later event.
 */
class RebuildBatchIT {

    private static final ConventionProjection PROJECTION = new ConventionProjection();
    private static final List<String> CONVENTIONS = List.of("rebuilt-1", "rebuilt-2", "rebuilt-3");

    @RegisterExtension
    static final ReadModelDatabase database = new ReadModelDatabase();

    @Test
    void aRebuildWritesTheRowsTheLiveProjectionWritesEvenForViewsPutOutOfMemory() {
        ReadModelSchema served = ReadModelSchema.active(database.jdbc());
        ReadModelSchema standby = served.other();
        for (String table : ReadModelSchema.TABLES) {
            database.jdbc().execute("truncate table " + standby.table(table));
        }
        // The conventions' events interleaved, as the store holds them: with one view kept, each event puts the
        // view of the one before out of memory.
        List<ConventionEvent> events = new ArrayList<>();
        List<Long> sequenceNumbers = new ArrayList<>();
        List<List<ConventionEvent>> histories = CONVENTIONS.stream().map(SampleHistory::of).toList();
        for (int number = 0; number < histories.get(0).size(); number++) {
            for (List<ConventionEvent> history : histories) {
                events.add(history.get(number));
                sequenceNumbers.add((long) number);
            }
        }

        RebuildBatch rebuild = RebuildBatch.first(database.jdbc(), standby, 1);
        int half = events.size() / 2;
        // Four events a batch: a view put out of memory is folded again from the batch that is writing it, or from
        // the one before. One a batch: from the schema, the batch that wrote it two batches before.
        rebuild = replay(rebuild, events.subList(0, half), sequenceNumbers.subList(0, half), 4, served);
        rebuild.writeViews();
        rebuild = replay(rebuild, events.subList(half, events.size()),
                sequenceNumbers.subList(half, events.size()), 1, served);
        rebuild.writeViews();

        for (String id : CONVENTIONS) {
            assertThat(ReadModelRows.of(database.jdbc(), standby, id)).as(id)
                    .hasSize(9).containsExactlyElementsOf(ReadModelRows.of(database.jdbc(), served, id));
            assertThat(ReadModelRows.document(database.jdbc(), standby, id)).as(id)
                    .isEqualTo(ReadModelRows.document(database.jdbc(), served, id));
        }
        assertThat(rebuild.memoryReport()).doesNotStartWith("0 ").doesNotContain(" 0 read back");
    }

    /** Folds the events in batches, as the rebuild does, and the same batches into the served schema. */
    private static RebuildBatch replay(RebuildBatch first, List<ConventionEvent> events, List<Long> sequenceNumbers,
                                       int batchSize, ReadModelSchema served) {
        RebuildBatch batch = first;
        for (int from = 0; from < events.size(); from += batchSize) {
            List<ConventionEvent> taken = events.subList(from, Math.min(from + batchSize, events.size()));
            batch.readBack(taken.stream().map(ConventionEvent::conventionId).toList());
            LiveBatch live = new LiveBatch(database.jdbc(), served);
            for (int i = 0; i < taken.size(); i++) {
                PROJECTION.apply(batch, taken.get(i), sequenceNumbers.get(from + i));
                PROJECTION.apply(live, taken.get(i), sequenceNumbers.get(from + i));
            }
            batch.flush();
            live.flush();
            batch = batch.next();
        }
        return batch;
    }
}
