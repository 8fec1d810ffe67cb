package fr.gouv.conventions.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

/**
 * The rebuild of every projection from a million events: real serialized domain events are appended straight to
 * the event table, the live projection is left to catch up, then a rebuild replays everything into the standby
 * schema, twice; each rebuild's rate is set against a raw scan of the same events run just before it.
 */
final class Replay {

    private static final int EVENTS_PER_CONVENTION = 1000;
    /**
     * Scan and rebuild, twice: the first rebuild after the service's start also pays the JIT compiler for its code
     * paths, which no live projection warmed (a quarter to a third of the service's CPU over a million events).
     */
    private static final int PASSES = 2;
    private static final Duration STALLED = Duration.ofMinutes(2);

    private final HttpCommands admin;
    private final StoredEvents events;
    private final RawJdbc raw;
    private final Database database;
    private final String prefix;

    /** @param prefix the start of the ids of the conventions it appends */
    Replay(HttpCommands admin, StoredEvents events, RawJdbc raw, Database database, String prefix) {
        this.admin = admin;
        this.events = events;
        this.raw = raw;
        this.database = database;
        this.prefix = prefix;
    }

    void measure(Report report, long target) throws Exception {
        long stored = count();
        long before = Benchmark.lastEventIndex(database);
        long appendStarted = System.nanoTime();
        int conventions = 0;
        while (stored < target) {
            int size = (int) Math.min(EVENTS_PER_CONVENTION, Math.max(4, target - stored));
            events.appendConvention(prefix + "-" + conventions++, size);
            stored += size;
        }
        double appendSeconds = (System.nanoTime() - appendStarted) / 1e9;
        Benchmark.log(String.format(Locale.ROOT, "%d events stored (%.0f s of bulk appends); waiting for the live"
                + " projection", stored, appendSeconds));
        double catchUp = Benchmark.projectionLagSeconds(database, before);
        report.figure("Live projection catching up after bulk appends", String.format(Locale.ROOT, "%.0f s", catchUp),
                "until the read model showed the last event of every convention (" + stored + " events)");

        for (int pass = 1; pass <= PASSES; pass++) {
            Rate scan = raw.scan();
            double rebuildRate = rebuild();
            String when = pass == 1 ? "first after the service's start" : "again, its code compiled";
            report.figure("Raw scan, pass " + pass + ": every event in global order, pages of 1000, JSON parsed",
                    String.format(Locale.ROOT, "%.0f events/s", scan.perSecond()), scan.operations() + " events");
            report.figure("Rebuild of every projection, pass " + pass + " (" + when + ")",
                    String.format(Locale.ROOT, "%.0f events/s", rebuildRate),
                    Report.ratio(rebuildRate / scan.perSecond())
                            + " × the raw scan of its pass; target ≥ 0.25×");
        }
    }

    /**
     * Starts a rebuild, waits until it is done and answers its rate in events per second. A rebuild that moves no
     * further for two minutes (the time after which the service lets another instance take it over) fails the run.
     */
    private double rebuild() throws Exception {
        CommandMix.expect(admin.post("/api/admin/projections/rebuild", ""), 202);
        JsonNode progress = null;
        long lastMoved = System.nanoTime();
        do {
            Thread.sleep(1000);
            JsonNode previous = progress;
            progress = StoredEvents.JSON.readTree(admin.get("/api/admin/projections/rebuild").body());
            if (previous == null || !previous.path("phase").equals(progress.path("phase"))
                    || previous.path("done").asLong() != progress.path("done").asLong()) {
                lastMoved = System.nanoTime();
            } else if (System.nanoTime() - lastMoved > STALLED.toNanos()) {
                throw new IllegalStateException("The rebuild has not moved for " + STALLED + ": " + progress);
            }
        } while (!progress.path("phase").asText().equals("DONE") && !progress.path("phase").asText().equals("FAILED"));
        if (progress.path("phase").asText().equals("FAILED")) {
            throw new IllegalStateException("The rebuild failed: " + progress);
        }
        Benchmark.log(String.format(Locale.ROOT, "rebuilt from %d events", progress.path("done").asLong()));
        return progress.path("eventsPerSecond").asDouble();
    }

    private long count() throws Exception {
        try (Connection connection = database.pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }
}
