package fr.gouv.conventions.api.idempotency;

import fr.gouv.conventions.api.axon.CommandOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;

/** The table of first answers, keyed by actor and idempotency key. */
@Repository
public class IdempotencyKeys {

    private final JdbcTemplate jdbc;

    IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredAnswer> find(String actor, String key) {
        return jdbc.query("""
                        select request_hash, convention_id, version, created from idempotency_keys
                         where actor = ? and idempotency_key = ?""",
                (row, n) -> new StoredAnswer(row.getString(1),
                        new CommandOutcome(row.getString(2), row.getLong(3), row.getBoolean(4))),
                actor, key).stream().findFirst();
    }

    void record(String actor, String key, StoredAnswer answer) {
        jdbc.update("""
                        insert into idempotency_keys (actor, idempotency_key, request_hash, convention_id, version, created)
                        values (?, ?, ?, ?, ?, ?)""",
                actor, key, answer.requestHash(), answer.outcome().conventionId(), answer.outcome().version(),
                answer.outcome().created());
    }
}
