package fr.gouv.conventions.api.idempotency;

import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.core.model.ConventionRefused;
import fr.gouv.conventions.core.model.RefusalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

/** The table of first answers, keyed by actor and idempotency key. */
@Repository
public class IdempotencyKeys {

    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<StoredAnswer> find(String actor, String key) {
        return jdbc.query("""
                        select request_hash, convention_id, version, created, refusal_code, refusal_message, refusal_facts
                          from idempotency_keys where actor = ? and idempotency_key = ?""",
                (row, n) -> answer(row), actor, key).stream().findFirst();
    }

    /** Records an acceptance, in the transaction of the command's events; fails on a key already recorded. */
    void recordAcceptance(IdempotentRequest request, CommandOutcome outcome) {
        jdbc.update("""
                        insert into idempotency_keys (actor, idempotency_key, request_hash, convention_id, version, created)
                        values (?, ?, ?, ?, ?, ?)""",
                request.actor(), request.key(), request.requestHash(), outcome.conventionId(), outcome.version(),
                outcome.created());
    }

    /** Records a refusal, unless a concurrent twin recorded its answer first; tells whether it was recorded. */
    public boolean recordRefusal(IdempotentRequest request, ConventionRefused refusal) {
        return jdbc.update("""
                        insert into idempotency_keys
                               (actor, idempotency_key, request_hash, convention_id, refusal_code, refusal_message, refusal_facts)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (actor, idempotency_key) do nothing""",
                request.actor(), request.key(), request.requestHash(), refusal.conventionId(), refusal.code().name(),
                refusal.getMessage(), toJson(refusal.facts())) == 1;
    }

    private StoredAnswer answer(ResultSet row) throws SQLException {
        String requestHash = row.getString("request_hash");
        String refusalCode = row.getString("refusal_code");
        if (refusalCode != null) {
            return new StoredAnswer(requestHash, null, new ConventionRefused(RefusalCode.valueOf(refusalCode),
                    row.getString("convention_id"), row.getString("refusal_message"),
                    fromJson(row.getString("refusal_facts"))));
        }
        return new StoredAnswer(requestHash, new CommandOutcome(row.getString("convention_id"),
                row.getLong("version"), row.getBoolean("created")), null);
    }

    private String toJson(Map<String, Object> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The facts of a refusal are dates, amounts, names and numbers", e);
        }
    }

    private Map<String, Object> fromJson(String facts) {
        try {
            return json.readValue(facts, FACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored refusal facts are not JSON: " + facts, e);
        }
    }
}
