package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.projections.ReadModelSchema;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every row a schema's read-model tables hold for a convention, one line each ({@code -} for null), to compare. */
final class ReadModelRows {

    private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("conventions", "kind, title, territory_name, departements, period_from, period_to,"
                + " lifecycle_status, drafted_on, in_force_on, terminated_on, termination_reason, avenant_deadline,"
                + " avenant_deadline_state, avenant_deadline_initially, version");
        COLUMNS.put("convention_parties", "party_id, role, name, representative, signatory, signed_on");
        COLUMNS.put("convention_avenants", "number, kind, signed_on, summary, previous_end_date, new_end_date");
        COLUMNS.put("convention_deadline_extensions",
                "sequence_number, previous_deadline, new_deadline, reason, decided_on");
        COLUMNS.put("convention_ceilings", "party_id, year, amount");
        COLUMNS.put("convention_matching_rules", "funder, matcher, ratio");
        COLUMNS.put("convention_commitments",
                "sequence_number, party_id, year, amount, axis, action, committed_on, avenant_number");
    }

    private ReadModelRows() {
    }

    static List<String> of(JdbcTemplate jdbc, ReadModelSchema schema, String conventionId) {
        List<String> rows = new ArrayList<>();
        COLUMNS.forEach((table, columns) -> {
            String line = "concat_ws(' ', '" + table + "', " + List.of(columns.split(", ")).stream()
                    .map(column -> "coalesce(" + column.trim() + "::text, '-')").collect(Collectors.joining(", "))
                    + ")";
            rows.addAll(jdbc.queryForList("select " + line + " from " + schema.table(table)
                    + " where convention_id = ? order by 1", String.class, conventionId));
        });
        return rows;
    }

    /** The convention's stored document, as PostgreSQL normalizes it. */
    static String document(JdbcTemplate jdbc, ReadModelSchema schema, String conventionId) {
        return jdbc.queryForObject("select document::text from " + schema.table("conventions")
                + " where convention_id = ?", String.class, conventionId);
    }
}
