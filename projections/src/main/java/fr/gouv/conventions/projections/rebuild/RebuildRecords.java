package fr.gouv.conventions.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.util.Optional;

/**
 * The last rebuild, kept in {@code read_model_rebuild} so that every instance sees it and at most one runs at a
 * time. A rebuild that has not reported progress for two minutes (its instance died) may be taken over.
 */
final class RebuildRecords {

    private final JdbcTemplate jdbc;

    RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a new rebuild, unless another one is running; tells whether it was recorded. */
    boolean claim(RebuildProgress started) {
        return jdbc.update("""
                        insert into read_model_rebuild (id, phase, done, total, target, started_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, now())
                        on conflict (only_row) do update
                           set id = excluded.id, phase = excluded.phase, done = excluded.done, total = excluded.total,
                               target = excluded.target, started_at = excluded.started_at, updated_at = now(),
                               finished_at = null, failure = null
                         where read_model_rebuild.phase not in ('REPLAYING', 'SWITCHING')
                            or read_model_rebuild.updated_at < now() - interval '2 minutes'""",
                started.id(), started.phase().name(), started.done(), started.total(), started.target(),
                Timestamp.from(started.startedAt())) == 1;
    }

    void update(RebuildProgress progress) {
        jdbc.update("""
                        update read_model_rebuild set phase = ?, done = ?, total = ?, updated_at = now(),
                                                      finished_at = ?, failure = ?
                         where id = ?""",
                progress.phase().name(), progress.done(), progress.total(),
                progress.finishedAt() == null ? null : Timestamp.from(progress.finishedAt()), progress.failure(),
                progress.id());
    }

    Optional<RebuildProgress> current() {
        return jdbc.query("select id, phase, done, total, target, started_at, finished_at, failure"
                        + " from read_model_rebuild",
                (row, n) -> new RebuildProgress(row.getString(1), RebuildProgress.Phase.valueOf(row.getString(2)),
                        row.getLong(3), row.getLong(4), row.getString(5), row.getTimestamp(6).toInstant(),
                        row.getTimestamp(7) == null ? null : row.getTimestamp(7).toInstant(), row.getString(8)))
                .stream().findFirst();
    }
}
