package fr.gouv.conventions.projections.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a rebuild of the read models stands.
 *
 * @param phase  REPLAYING into the standby schema, SWITCHING it in, DONE, or FAILED
 * @param done   events replayed so far
 * @param total  events stored when the rebuild started (more may come while it runs)
 * @param target the schema being rebuilt
 */
public record RebuildProgress(String id, Phase phase, long done, long total, String target, Instant startedAt,
                              Instant finishedAt, String failure) {

    /** The steps of a rebuild. */
    public enum Phase { REPLAYING, SWITCHING, DONE, FAILED }

    /** Events replayed per second since the start. */
    public double eventsPerSecond() {
        Instant end = finishedAt != null ? finishedAt : Instant.now();
        double seconds = Math.max(Duration.between(startedAt, end).toMillis(), 1) / 1000.0;
        return Math.round(done / seconds * 10) / 10.0;
    }

    RebuildProgress at(Phase nextPhase, long nextDone, long nextTotal) {
        return new RebuildProgress(id, nextPhase, nextDone, nextTotal, target, startedAt, finishedAt, failure);
    }

    RebuildProgress finished(Phase lastPhase, String why) {
        return new RebuildProgress(id, lastPhase, done, total, target, startedAt, Instant.now(), why);
    }
}
