package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.projections.Page;
import fr.gouv.conventions.projections.ReadModelJson;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The current engagements, as the served read model holds them (eventually consistent with the commands). */
@Component
public class ConventionQueries {

    private final JdbcTemplate jdbc;

    ConventionQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The convention's view: its stored document with its avenants, which are kept as rows (see
     * {@link ConventionView#withoutAvenants()}), read in one statement so that both come from the same commit.
     */
    public Optional<ConventionView> find(String conventionId) {
        ReadModelSchema schema = ReadModelSchema.active(jdbc);
        return jdbc.query("""
                        select jsonb_set(c.document, '{avenants}', coalesce(
                                 (select jsonb_agg(jsonb_build_object('number', a.number, 'kind', a.kind,
                                                   'signedOn', a.signed_on, 'summary', a.summary,
                                                   'previousEndDate', a.previous_end_date,
                                                   'newEndDate', a.new_end_date) order by a.number)
                                    from %s a where a.convention_id = c.convention_id), '[]'::jsonb))::text
                          from %s c where c.convention_id = ?""".formatted(
                        schema.table("convention_avenants"), schema.table("conventions")),
                (row, n) -> ReadModelJson.read(row.getString(1), ConventionView.class), conventionId).stream().findFirst();
    }

    /** Conventions filtered by status, département and kind (each optional), by id, one page at a time. */
    public Page<ConventionSummary> list(String status, String departement, String kind, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> arguments = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            arguments.add(status);
        }
        if (departement != null) {
            where.append(" and ? = any(departements)");
            arguments.add(departement);
        }
        if (kind != null) {
            where.append(" and kind = ?");
            arguments.add(kind);
        }
        long total = jdbc.queryForObject("select count(*) from conventions" + where, Long.class, arguments.toArray());
        List<Object> paged = new ArrayList<>(arguments);
        paged.add(size);
        paged.add((long) page * size);
        List<ConventionSummary> items = jdbc.query("""
                        select convention_id, kind, title, territory_name, departements, period_from, period_to, status,
                               in_force_on, avenant_deadline, avenant_deadline_state, version
                          from conventions""" + where + " order by convention_id limit ? offset ?",
                (row, n) -> new ConventionSummary(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), strings(row.getArray(5)), localDate(row.getDate(6)), localDate(row.getDate(7)),
                        row.getString(8), localDate(row.getDate(9)), localDate(row.getDate(10)), row.getString(11),
                        row.getLong(12)),
                paged.toArray());
        return new Page<>(items, page, size, total);
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
