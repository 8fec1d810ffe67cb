package fr.gouv.conventions.projections.engagements;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.gouv.conventions.projections.ReadModelJson;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every statement on the read-model tables of one schema that the projection's batches run: the stored views read
 * back, and the rows written with batched statements or with COPY, in the caller's transaction. The driver rewrites
 * each batch into multi-row statements ({@code reWriteBatchedInserts}), so a batch holds at most one row per key for
 * an upsert.
 */
final class ReadModelTables {

    private static final String CONVENTION_COLUMNS = "convention_id, kind, title, territory_name, departements,"
            + " period_from, period_to, lifecycle_status, drafted_on, in_force_on, terminated_on, termination_reason,"
            + " avenant_deadline, avenant_deadline_state, avenant_deadline_initially, version, document";
    private static final String PARTY_COLUMNS =
            "convention_id, party_id, role, name, representative, signatory, signed_on";
    private static final String AVENANT_COLUMNS =
            "convention_id, number, kind, signed_on, summary, previous_end_date, new_end_date";
    private static final String EXTENSION_COLUMNS =
            "convention_id, sequence_number, previous_deadline, new_deadline, reason, decided_on";
    private static final String CEILING_COLUMNS = "convention_id, party_id, year, amount";
    private static final String MATCHING_RULE_COLUMNS = "convention_id, funder, matcher, ratio";
    private static final String COMMITMENT_COLUMNS = "convention_id, sequence_number, party_id, year, amount, axis,"
            + " action, committed_on, avenant_number";
    /** Rows of COPY text made and sent at a time: about 2 MB for conventions' rows with their JSON documents. */
    private static final int COPY_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final ReadModelSchema schema;

    ReadModelTables(JdbcTemplate jdbc, ReadModelSchema schema) {
        this.jdbc = jdbc;
        this.schema = schema;
    }

    ReadModelSchema schema() {
        return schema;
    }

    /** The view the schema holds for a convention, without its avenants (documents written earlier had them). */
    Optional<ConventionView> storedView(String conventionId) {
        return jdbc.query("select document from " + schema.table("conventions") + " where convention_id = ?",
                        (row, n) -> read(row.getString(1)), conventionId)
                .stream().findFirst();
    }

    /**
     * The views the schema holds for any of these conventions, in one query, planned for the table as it is now:
     * a rebuild fills it from empty, and a plan kept from when it was nearly empty would scan the whole table at
     * every call (see BENCHMARKS.md#rebuild-read-back).
     */
    void storedViews(String[] conventionIds, Consumer<ConventionView> found) {
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select document from "
                    + schema.table("conventions") + " where convention_id = any(?)");
            // Never a server-side prepared statement, whose generic plan would outlive the table's growth.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, connection.createArrayOf("text", conventionIds));
            return statement;
        }, (RowCallbackHandler) row -> found.accept(read(row.getString(1))));
    }

    /**
     * Writes these views' rows, replacing older ones: a stored row is never replaced by an earlier version, since a
     * live batch may fold an event a rebuild already did.
     */
    void upsertConventions(Collection<ConventionView> views) {
        if (views.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into " + schema.table("conventions") + " as stored (" + CONVENTION_COLUMNS + ")"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)"
                        + " on conflict (convention_id) do update set period_to = excluded.period_to,"
                        + " lifecycle_status = excluded.lifecycle_status, in_force_on = excluded.in_force_on,"
                        + " terminated_on = excluded.terminated_on, termination_reason = excluded.termination_reason,"
                        + " avenant_deadline = excluded.avenant_deadline,"
                        + " avenant_deadline_state = excluded.avenant_deadline_state,"
                        + " version = excluded.version, document = excluded.document"
                        + " where stored.version < excluded.version",
                views, 500, ReadModelTables::bindConvention);
    }

    /** Writes party rows (see {@link #partyRow}); a signature recorded is never undone. */
    void upsertParties(List<Object[]> rows) {
        batch("insert into " + schema.table("convention_parties") + " as stored (" + PARTY_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (convention_id, party_id) do update"
                + " set signatory = excluded.signatory, signed_on = excluded.signed_on"
                // A party signs once (R2): a batch folding older events never takes a signature back.
                + " where stored.signatory is null", rows);
    }

    /** Upserts these views' rows and their parties' rows. */
    void upsertViews(List<ConventionView> views) {
        upsertConventions(views);
        List<Object[]> partyRows = new ArrayList<>();
        views.forEach(view -> view.parties().forEach(party -> partyRows.add(partyRow(view.conventionId(), party))));
        upsertParties(partyRows);
    }

    /**
     * Sends by COPY the rows of views that have none yet, and of their parties: COPY costs PostgreSQL a fraction of
     * an upsert per row. Their rows are made as they are sent: all of them at once, JSON documents included, would
     * not fit in the heap beside the views themselves.
     */
    void copyViews(List<ConventionView> views) {
        copy("conventions", CONVENTION_COLUMNS, views.stream().map(ReadModelTables::conventionRow).iterator());
        copy("convention_parties", PARTY_COLUMNS, views.stream().flatMap(view -> view.parties().stream()
                .map(party -> partyRow(view.conventionId(), party))).iterator());
    }

    /** Inserts the rows events add, skipping those already there (a replay that overlaps the live stream). */
    void insertNew(AppendedRows rows) {
        insertNew("convention_avenants", AVENANT_COLUMNS, rows.avenants);
        insertNew("convention_deadline_extensions", EXTENSION_COLUMNS, rows.extensions);
        insertNew("convention_ceilings", CEILING_COLUMNS, rows.ceilings);
        insertNew("convention_matching_rules", MATCHING_RULE_COLUMNS, rows.matchingRules);
        insertNew("convention_commitments", COMMITMENT_COLUMNS, rows.commitments);
    }

    /**
     * Sends by COPY the rows events add, none of which can be there yet (a rebuild into an emptied schema): COPY
     * costs PostgreSQL a fraction of multi-row INSERTs (see BENCHMARKS.md#rebuild-copy).
     */
    void copyNew(AppendedRows rows) {
        copyAndClear("convention_avenants", AVENANT_COLUMNS, rows.avenants);
        copyAndClear("convention_deadline_extensions", EXTENSION_COLUMNS, rows.extensions);
        copyAndClear("convention_ceilings", CEILING_COLUMNS, rows.ceilings);
        copyAndClear("convention_matching_rules", MATCHING_RULE_COLUMNS, rows.matchingRules);
        copyAndClear("convention_commitments", COMMITMENT_COLUMNS, rows.commitments);
    }

    /** A party's row, in the order of {@link #PARTY_COLUMNS}. */
    static Object[] partyRow(String conventionId, ConventionView.PartyView party) {
        return new Object[]{conventionId, party.id(), party.role().name(), party.name(), party.representative(),
                party.signatory(), party.signedOn()};
    }

    /** A convention's row for COPY, in the order of {@link #CONVENTION_COLUMNS}. */
    private static Object[] conventionRow(ConventionView view) {
        ConventionView.Terms terms = view.terms();
        ConventionView.Status status = view.status();
        ConventionView.DeadlineView deadline = view.avenantDeadline();
        return new Object[]{view.conventionId(), terms.kind().name(), terms.title(), terms.territory().name(),
                CopyText.textArray(terms.territory().departements()), view.period().from(), view.period().to(),
                status.lifecycle().name(), status.draftedOn(), status.inForceOn(), status.terminatedOn(),
                status.terminationReason(), deadline == null ? null : deadline.date(),
                deadline == null ? null : deadline.state().name(),
                deadline == null ? null : deadline.initialDate(), view.version(), document(view)};
    }

    /** Binds a convention's row to the upsert, in the order of {@link #CONVENTION_COLUMNS}. */
    private static void bindConvention(PreparedStatement statement, ConventionView view) throws SQLException {
        ConventionView.Terms terms = view.terms();
        ConventionView.Status status = view.status();
        ConventionView.DeadlineView deadline = view.avenantDeadline();
        statement.setString(1, view.conventionId());
        statement.setString(2, terms.kind().name());
        statement.setString(3, terms.title());
        statement.setString(4, terms.territory().name());
        statement.setArray(5, statement.getConnection().createArrayOf("text",
                terms.territory().departements().toArray()));
        statement.setObject(6, view.period().from(), Types.DATE);
        statement.setObject(7, view.period().to(), Types.DATE);
        statement.setString(8, status.lifecycle().name());
        statement.setObject(9, status.draftedOn(), Types.DATE);
        statement.setObject(10, status.inForceOn(), Types.DATE);
        statement.setObject(11, status.terminatedOn(), Types.DATE);
        statement.setString(12, status.terminationReason());
        statement.setObject(13, deadline == null ? null : deadline.date(), Types.DATE);
        statement.setString(14, deadline == null ? null : deadline.state().name());
        statement.setObject(15, deadline == null ? null : deadline.initialDate(), Types.DATE);
        statement.setLong(16, view.version());
        statement.setString(17, document(view));
    }

    private void insertNew(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
        batch("insert into " + schema.table(table) + " (" + columns + ") values (" + marks + ")"
                + " on conflict do nothing", rows);
    }

    private void copyAndClear(String table, String columns, List<Object[]> rows) {
        copy(table, columns, rows.iterator());
        rows.clear();
    }

    /**
     * Rows none of which is in the table yet, sent with one COPY, {@link #COPY_CHUNK} rows of text at a time: the
     * text of a whole rebuild's rows is never in memory at once.
     */
    private void copy(String table, String columns, Iterator<Object[]> rows) {
        if (!rows.hasNext()) {
            return;
        }
        String sql = "copy " + schema.table(table) + " (" + columns + ") from stdin";
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                CopyText.inChunks(rows, COPY_CHUNK, text -> {
                    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                });
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
            rows.clear();
        }
    }

    private static ConventionView read(String document) {
        return ReadModelJson.read(document, ConventionView.class).withoutAvenants();
    }

    private static String document(ConventionView view) {
        try {
            return ReadModelJson.MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The view of convention " + view.conventionId()
                    + " cannot be written as JSON", e);
        }
    }
}
