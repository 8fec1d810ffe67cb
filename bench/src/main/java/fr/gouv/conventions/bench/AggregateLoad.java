package fr.gouv.conventions.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of a command on a long convention: 10 000 events, loaded from its snapshot or, with the snapshots
 * deleted, from all its events; against the same command on a fresh convention. The measures begin once the live
 * projection has folded the 10 000 appended events: on two cores its catching up would otherwise be measured with
 * the commands.
 */
final class AggregateLoad {

    private static final int EVENTS = 10_000;
    private static final int REPEATS = 25;

    private final HttpCommands admin;
    private final StoredEvents events;
    private final Database database;
    private final String prefix;

    /** @param prefix the start of the ids of the conventions it creates */
    AggregateLoad(HttpCommands admin, StoredEvents events, Database database, String prefix) {
        this.admin = admin;
        this.events = events;
        this.database = database;
        this.prefix = prefix;
    }

    void measure(Report report) throws Exception {
        String fresh = prefix + "-fresh";
        CommandMix.expect(admin.post("/api/conventions", HttpCommands.draft(fresh)), 201);
        CommandMix.expect(admin.post("/api/conventions/" + fresh + "/signatures", HttpCommands.signature("prefet-region")), 200);
        CommandMix.expect(admin.post("/api/conventions/" + fresh + "/signatures", HttpCommands.signature("cd-59")), 200);
        String longOne = prefix + "-10000";
        long before = Benchmark.lastEventIndex(database);
        events.appendConvention(longOne, EVENTS);
        Benchmark.projectionLagSeconds(database, before);

        double[] freshTimes = new double[REPEATS];
        double[] withoutSnapshot = new double[REPEATS];
        double[] withSnapshot = new double[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            freshTimes[i] = commitOn(fresh);
        }
        for (int i = 0; i < REPEATS; i++) {
            deleteSnapshots(longOne);
            withoutSnapshot[i] = commitOn(longOne);
        }
        commitOn(longOne);
        Thread.sleep(1000);
        for (int i = 0; i < REPEATS; i++) {
            withSnapshot[i] = commitOn(longOne);
        }
        double freshMedian = median(freshTimes);
        report.figure("Command on a convention of 10 000 events, with its snapshot (median of " + REPEATS + ")",
                millis(median(withSnapshot)), Report.ratio(median(withSnapshot) / freshMedian)
                        + " × a fresh convention (" + millis(freshMedian) + "); target ≤ 2×");
        report.figure("Same command with the snapshots deleted before each (median of " + REPEATS
                        + "; the aggregate cache, when on, holds the convention after the first)", millis(median(withoutSnapshot)),
                String.format(Locale.ROOT, "%.2f × a fresh convention", median(withoutSnapshot) / freshMedian));
    }

    private double commitOn(String id) throws Exception {
        long started = System.nanoTime();
        CommandMix.expect(admin.post("/api/conventions/" + id + "/commitments",
                HttpCommands.commitment("cd-59", 2021)), 200);
        return (System.nanoTime() - started) / 1e6;
    }

    private void deleteSnapshots(String id) throws Exception {
        try (Connection connection = database.pool.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "delete from snapshotevententry where aggregateidentifier = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f ms", value);
    }
}
