package fr.gouv.conventions.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.projections.Page;
import fr.gouv.conventions.projections.ReadModelJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit history, read from the event store itself (not from a projection), so that auditors see exactly
 * what is stored, at once: every event with its data, business date, time of recording, actor, correlation id.
 */
@Component
public class AuditTrail {

    private static final String COLUMNS = """
            select globalindex, aggregateidentifier, sequencenumber, eventidentifier, payloadtype,
                   convert_from(payload, 'UTF8') as payload, business_date, recorded_at, actor, correlation_id,
                   convert_from(metadata, 'UTF8') as metadata, hash
              from domainevententry""";

    private final JdbcTemplate jdbc;

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every event of a convention, in order. */
    public List<AuditedEvent> history(String conventionId) {
        return jdbc.query(COLUMNS + " where aggregateidentifier = ? order by sequencenumber", AUDITED, conventionId);
    }

    /** Events recorded in [from, to), by an actor, of a convention (each optional), in the order they were stored. */
    public Page<AuditedEvent> events(Instant from, Instant to, String actor, String conventionId, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (from != null) {
            where.append(" and recorded_at >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and recorded_at < ?");
            arguments.add(Timestamp.from(to));
        }
        if (actor != null) {
            where.append(" and actor = ?");
            arguments.add(actor);
        }
        if (conventionId != null) {
            where.append(" and aggregateidentifier = ?");
            arguments.add(conventionId);
        }
        long total = jdbc.queryForObject("select count(*) from domainevententry" + where, Long.class,
                arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<AuditedEvent> items = jdbc.query(COLUMNS + where + " order by globalindex limit ? offset ?", AUDITED,
                paged.toArray());
        return new Page<>(items, page, size, total);
    }

    private static final RowMapper<AuditedEvent> AUDITED = (row, n) -> new AuditedEvent(
            row.getLong("globalindex"), row.getString("aggregateidentifier"), row.getLong("sequencenumber"),
            row.getString("eventidentifier"), simpleName(row.getString("payloadtype")), json(row.getString("payload")),
            row.getDate("business_date") == null ? null : row.getDate("business_date").toLocalDate(),
            row.getTimestamp("recorded_at").toInstant(), row.getString("actor"), row.getString("correlation_id"),
            json(row.getString("metadata")), HexFormat.of().formatHex(row.getBytes("hash")));

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : ReadModelJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored event is not JSON", e);
        }
    }
}
