package fr.gouv.conventions.projections.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Checks every convention's hash chain against the stored events: an event whose content or metadata was
 * altered, an event removed from the middle or the end of a stream, or events reordered, all break it.
 */
@Component
public class ChainVerification {

    private final JdbcTemplate jdbc;

    ChainVerification(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What the check found: how much it read, and the first broken link, if any. */
    public record Report(boolean intact, long eventsChecked, long chainsChecked, List<Break> breaks,
                         Map<String, String> chainHeads) {
    }

    /**
     * A broken link: the convention, the event (its sequence number and id) where the chain breaks, and why:
     * ALTERED (its hash does not cover its content and its predecessor), MISSING (this sequence number is absent),
     * AUDIT_COLUMNS_ALTERED (its actor, correlation id, business date or time of recording no longer say what its
     * chained metadata says), or TRUNCATED_OR_REWRITTEN (the chain no longer ends at its recorded head).
     */
    public record Break(String conventionId, long sequenceNumber, String eventId, String problem) {
    }

    public Report verify() {
        List<Break> breaks = jdbc.query("""
                with chain as (
                    select aggregateidentifier, sequencenumber, eventidentifier, globalindex, hash,
                           lag(sequencenumber) over stream as previous_sequence,
                           event_digest(lag(hash) over stream, aggregateidentifier, sequencenumber, eventidentifier,
                                        payloadtype, payloadrevision, timestamp, payload, metadata) as expected
                      from domainevententry
                    window stream as (partition by aggregateidentifier order by sequencenumber)
                ), links as (
                    select aggregateidentifier, coalesce(previous_sequence + 1, 0), null, 'MISSING'
                      from chain where sequencenumber <> coalesce(previous_sequence + 1, 0)
                    union all
                    select aggregateidentifier, sequencenumber, eventidentifier, 'ALTERED'
                      from chain where hash <> expected
                    union all
                    select aggregateidentifier, sequencenumber, eventidentifier, 'AUDIT_COLUMNS_ALTERED'
                      from domainevententry, lateral (select convert_from(coalesce(metadata, '{}'::bytea), 'UTF8')::jsonb
                                                              as meta) m
                     where actor is distinct from m.meta ->> 'actor'
                        or correlation_id is distinct from m.meta ->> 'correlationId'
                        or business_date is distinct from (m.meta ->> 'businessDate')::date
                        or recorded_at is distinct from timestamp::timestamptz
                    union all
                    select h.aggregateidentifier, h.sequencenumber, null, 'TRUNCATED_OR_REWRITTEN'
                      from event_chain_heads h
                      left join domainevententry e
                        on e.aggregateidentifier = h.aggregateidentifier and e.sequencenumber = h.sequencenumber
                     where e.hash is distinct from h.hash
                )
                select * from links order by 1, 2""",
                (row, n) -> new Break(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)));
        Map<String, Object> counts = jdbc.queryForMap(
                "select count(*) as events, count(distinct aggregateidentifier) as chains from domainevententry");
        Map<String, String> heads = new java.util.TreeMap<>();
        jdbc.query("select aggregateidentifier, hash from event_chain_heads", row -> {
            heads.put(row.getString(1), HexFormat.of().formatHex(row.getBytes(2)));
        });
        return new Report(breaks.isEmpty(), ((Number) counts.get("events")).longValue(),
                ((Number) counts.get("chains")).longValue(), breaks, heads);
    }
}
