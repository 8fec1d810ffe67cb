package fr.gouv.conventions.projections.engagements;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.projections.ReadModelJson;
import fr.gouv.conventions.projections.ReadModelSchema;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The writes of a batch of events to one read-model schema: the views of the conventions it touches are loaded
 * once and kept in memory, the new rows are collected, and everything is written at {@link #flush()} with
 * batched statements, in the caller's transaction (a rebuild defers the conventions' own rows: see
 * {@link #intoEmptied}). The driver rewrites each batch into multi-row statements
 * ({@code reWriteBatchedInserts}), so a batch holds at most one row per key for an upsert.
 */
public final class ReadModelBatch {

    private static final String CONVENTION_COLUMNS = "convention_id, kind, title, territory_name, departements,"
            + " period_from, period_to, lifecycle_status, drafted_on, in_force_on, terminated_on, termination_reason,"
            + " avenant_deadline, avenant_deadline_state, avenant_deadline_initially, version, document";
    private static final String PARTY_COLUMNS =
            "convention_id, party_id, role, name, representative, signatory, signed_on";
    /** Rows of COPY text made and sent at a time: about 2 MB for conventions' rows with their JSON documents. */
    private static final int COPY_CHUNK = 1000;

    private final JdbcTemplate jdbc;
    private final ReadModelSchema schema;
    private final Map<String, Optional<ConventionView>> views;
    /** What a chain of batches into an emptied schema shares; null for any other batch. */
    private final EmptiedSchema emptied;
    /** In such a chain, the views this batch put out of memory, whose rows its flush writes. */
    private final Map<String, ConventionView> writtenEarly = new LinkedHashMap<>();
    /** Those of them that had no row before this batch: its flush sends their rows with COPY. */
    private final Set<String> writtenEarlyWithoutRow = new HashSet<>();
    /** Those of the batch before, which may still be being written. */
    private final Map<String, ConventionView> writtenEarlyBefore;
    /** In such a chain, the views {@link #readBack} found for this batch's events, until they are folded. */
    private final Map<String, ConventionView> readBack = new HashMap<>();
    /** The conventions {@link #readBack} looked for, found or not: the schema is not asked for them again. */
    private final Set<String> lookedUp = new HashSet<>();
    private final Map<String, ConventionView> changed = new LinkedHashMap<>();
    private final Map<List<String>, Object[]> parties = new LinkedHashMap<>();
    private final List<Object[]> avenants = new ArrayList<>();
    private final List<Object[]> extensions = new ArrayList<>();
    private final List<Object[]> ceilings = new ArrayList<>();
    private final List<Object[]> matching = new ArrayList<>();
    private final List<Object[]> commitments = new ArrayList<>();

    /** A batch that reads from the schema the view of each convention it has not seen yet. */
    public ReadModelBatch(JdbcTemplate jdbc, ReadModelSchema schema) {
        this(jdbc, schema, new HashMap<>(), null, Map.of());
    }

    private ReadModelBatch(JdbcTemplate jdbc, ReadModelSchema schema, Map<String, Optional<ConventionView>> views,
                           EmptiedSchema emptied, Map<String, ConventionView> writtenEarlyBefore) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.views = views;
        this.emptied = emptied;
        this.writtenEarlyBefore = writtenEarlyBefore;
    }

    /**
     * The first batch written to a schema just emptied, by a writer that is its only one (a rebuild). This batch and
     * the {@link #next()} ones keep in memory the views of the last {@code viewsKept} conventions they folded,
     * and know that the schema holds no other view than those and the ones they wrote. Their flushes write the
     * rows events add; the conventions' own rows (and their parties') are written by {@link #writeViews()}, once
     * for many batches, since nobody reads that schema before the rebuild switches to it. Beyond
     * {@code viewsKept}, the view folded least recently is put out of memory, and written by the flush of the batch
     * that did so: a rebuild's memory does not grow with the number of conventions, and such a view is read back
     * if its convention has another event.
     */
    public static ReadModelBatch intoEmptied(JdbcTemplate jdbc, ReadModelSchema schema, int viewsKept) {
        return new ReadModelBatch(jdbc, schema, new LinkedHashMap<>(16, 0.75f, true), new EmptiedSchema(viewsKept),
                Map.of());
    }

    /**
     * The batch after this one, on the same schema, sharing the views this one holds: they are right even while
     * this batch is still being written by another thread, which only reads the rows this batch collected.
     */
    public ReadModelBatch next() {
        return new ReadModelBatch(jdbc, schema, views, emptied, writtenEarly);
    }

    /** In a chain into an emptied schema: how many views were written early, and how many of those read back. */
    public String memoryReport() {
        return emptied == null ? "" : emptied.viewsWrittenEarly + " views written early to bound memory, "
                + emptied.viewsReadBack + " read back in " + emptied.readBackQueries + " queries";
    }

    public ReadModelSchema schema() {
        return schema;
    }

    /** The view of a convention as the schema keeps it, without its avenants (documents written earlier had them). */
    Optional<ConventionView> view(String conventionId) {
        if (emptied == null) {
            return views.computeIfAbsent(conventionId, this::stored);
        }
        Optional<ConventionView> kept = views.get(conventionId);
        if (kept != null) {
            return kept;
        }
        if (emptied.viewsWrittenEarly == 0) {
            return Optional.empty();
        }
        ConventionView early = writtenEarly.getOrDefault(conventionId, writtenEarlyBefore.get(conventionId));
        if (early != null) {
            emptied.rowStored.add(conventionId);
            return Optional.of(early);
        }
        Optional<ConventionView> stored;
        if (lookedUp.contains(conventionId)) {
            stored = Optional.ofNullable(readBack.remove(conventionId));
        } else {
            emptied.readBackQueries++;
            stored = stored(conventionId);
        }
        if (stored.isPresent()) {
            emptied.rowStored.add(conventionId);
            emptied.viewsReadBack++;
        }
        return stored;
    }

    private Optional<ConventionView> stored(String conventionId) {
        return jdbc.query("select document from " + schema.table("conventions") + " where convention_id = ?",
                        (row, n) -> ReadModelJson.read(row.getString(1), ConventionView.class).withoutAvenants(),
                        conventionId)
                .stream().findFirst();
    }

    /**
     * In a chain into an emptied schema, before this batch folds events of these conventions: reads in one query
     * the views of those of them that are out of memory and whose rows a batch before the last one wrote, instead
     * of one query for each when its event is folded. Conventions not found (most are new ones) are not looked for
     * again by this batch. Each call is planned for the schema as it is then: a rebuild fills it from empty, and a
     * plan kept from when it was nearly empty would scan the table for every call (BENCHMARKS.md#rebuild-read-back).
     */
    public void readBack(Collection<String> conventionIds) {
        if (emptied == null || emptied.viewsWrittenEarly == 0) {
            return;
        }
        String[] absent = conventionIds.stream()
                .filter(id -> !views.containsKey(id) && !writtenEarly.containsKey(id)
                        && !writtenEarlyBefore.containsKey(id) && lookedUp.add(id))
                .toArray(String[]::new);
        if (absent.length == 0) {
            return;
        }
        emptied.readBackQueries++;
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("select document from "
                    + schema.table("conventions") + " where convention_id = any(?)");
            // Never a server-side prepared statement, whose generic plan would outlive the table's growth.
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setArray(1, connection.createArrayOf("text", absent));
            return statement;
        }, row -> {
            ConventionView view = ReadModelJson.read(row.getString(1), ConventionView.class).withoutAvenants();
            readBack.put(view.conventionId(), view);
        });
    }

    /** Takes a view known to be the one this schema holds, unless this batch already folded the convention. */
    void know(ConventionView view) {
        views.putIfAbsent(view.conventionId(), Optional.of(view));
    }

    /** Every view this batch holds: once it is written and committed, those are the schema's. */
    List<ConventionView> views() {
        return views.values().stream().flatMap(Optional::stream).toList();
    }

    void put(ConventionView view) {
        views.put(view.conventionId(), Optional.of(view));
        if (emptied == null) {
            changed.put(view.conventionId(), view);
            return;
        }
        emptied.unwritten.add(view.conventionId());
        if (views.size() > emptied.viewsKept) {
            Iterator<Optional<ConventionView>> leastRecent = views.values().iterator();
            ConventionView early = leastRecent.next().orElseThrow();
            leastRecent.remove();
            writtenEarly.put(early.conventionId(), early);
            emptied.unwritten.remove(early.conventionId());
            if (!emptied.rowStored.remove(early.conventionId()) && !emptied.viewsWritten) {
                writtenEarlyWithoutRow.add(early.conventionId());
            }
            emptied.viewsWrittenEarly++;
        }
    }

    void party(String conventionId, ConventionView.PartyView party) {
        if (emptied == null) {
            // A party drafted and signed in one batch is written once, as signed: one multi-row upsert may not
            // touch the same row twice.
            parties.put(List.of(conventionId, party.id()), partyRow(conventionId, party));
        }
    }

    private static Object[] partyRow(String conventionId, ConventionView.PartyView party) {
        return new Object[]{conventionId, party.id(), party.role().name(), party.name(), party.representative(),
                party.signatory(), party.signedOn()};
    }

    void avenant(String conventionId, ConventionView.AvenantView avenant) {
        avenants.add(new Object[]{conventionId, avenant.number(), avenant.kind().name(), avenant.signedOn(),
                avenant.summary(), avenant.previousEndDate(), avenant.newEndDate()});
    }

    void extension(String conventionId, long sequenceNumber, ConventionView.DeadlineExtension extension) {
        extensions.add(new Object[]{conventionId, sequenceNumber, extension.previousDeadline(),
                extension.newDeadline(), extension.reason(), extension.decidedOn()});
    }

    void ceiling(String conventionId, Ceiling ceiling) {
        ceilings.add(new Object[]{conventionId, ceiling.party(), ceiling.year(), ceiling.amount().amount()});
    }

    void matchingRule(String conventionId, MatchingRule rule) {
        matching.add(new Object[]{conventionId, rule.funder(), rule.matcher(), rule.ratio()});
    }

    void commitment(String conventionId, long sequenceNumber, String party, int year, java.math.BigDecimal amount,
                    String axis, String action, LocalDate committedOn, Integer avenantNumber) {
        commitments.add(new Object[]{conventionId, sequenceNumber, party, year, amount, axis, action,
                committedOn, avenantNumber});
    }

    /**
     * Writes every change of the batch; replayed rows that are already there are left as they are, and the read
     * model never moves back to an earlier version of a convention.
     */
    public void flush() {
        Map<Boolean, List<ConventionView>> earlyByNewRow = writtenEarly.values().stream()
                .collect(Collectors.partitioningBy(view -> writtenEarlyWithoutRow.contains(view.conventionId())));
        List<ConventionView> upserted = new ArrayList<>(changed.values());
        upserted.addAll(earlyByNewRow.get(false));
        upsertConventions(upserted);
        List<Object[]> partyRows = new ArrayList<>(parties.values());
        partyRows(earlyByNewRow.get(false)).forEach(partyRows::add);
        upsertParties(partyRows);
        parties.clear();
        // Most views put out of memory have no row yet: COPY costs PostgreSQL a fraction of an upsert per row.
        List<ConventionView> newRows = earlyByNewRow.get(true);
        copy("conventions", CONVENTION_COLUMNS, newRows.stream().map(ReadModelBatch::conventionRow).iterator());
        copy("convention_parties", PARTY_COLUMNS, partyRows(newRows).iterator());
        insertNew("convention_avenants",
                "convention_id, number, kind, signed_on, summary, previous_end_date, new_end_date", avenants);
        insertNew("convention_deadline_extensions",
                "convention_id, sequence_number, previous_deadline, new_deadline, reason, decided_on", extensions);
        insertNew("convention_ceilings", "convention_id, party_id, year, amount", ceilings);
        insertNew("convention_matching_rules", "convention_id, funder, matcher, ratio", matching);
        insertNew("convention_commitments", "convention_id, sequence_number, party_id, year, amount, axis, action,"
                + " committed_on, avenant_number", commitments);
        changed.clear();
    }

    /**
     * Writes the rows of every convention folded since the last call, and of its parties, in the caller's
     * transaction. Only for a chain of batches into an emptied schema, called when none of them is being written.
     * The rows no flush wrote yet, most of them at the first call, go by COPY; the others are upserted.
     */
    public void writeViews() {
        if (emptied == null) {
            throw new IllegalStateException("Only a batch into an emptied schema defers the conventions' rows");
        }
        Map<Boolean, List<ConventionView>> byRowStored = emptied.unwritten.stream()
                .map(id -> views.get(id).orElseThrow())
                .collect(Collectors.partitioningBy(view -> emptied.viewsWritten
                        || emptied.rowStored.contains(view.conventionId())));
        List<ConventionView> stored = byRowStored.get(true);
        upsertConventions(stored);
        upsertParties(partyRows(stored).collect(Collectors.toCollection(ArrayList::new)));
        // The others have no row yet: COPY costs PostgreSQL a fraction of an upsert per row.
        // Their rows are made as they are sent: all of them at once, JSON documents included, would not fit in the
        // heap beside the views themselves.
        List<ConventionView> absent = byRowStored.get(false);
        copy("conventions", CONVENTION_COLUMNS, absent.stream().map(ReadModelBatch::conventionRow).iterator());
        copy("convention_parties", PARTY_COLUMNS, partyRows(absent).iterator());
        emptied.unwritten.clear();
        emptied.rowStored.clear();
        emptied.viewsWritten = true;
    }

    private static Stream<Object[]> partyRows(Collection<ConventionView> conventions) {
        return conventions.stream().flatMap(view -> view.parties().stream()
                .map(party -> partyRow(view.conventionId(), party)));
    }

    private void upsertParties(List<Object[]> rows) {
        batch("insert into " + schema.table("convention_parties") + " as stored (" + PARTY_COLUMNS + ")"
                + " values (?, ?, ?, ?, ?, ?, ?) on conflict (convention_id, party_id) do update"
                + " set signatory = excluded.signatory, signed_on = excluded.signed_on"
                // A party signs once (R2): a signature recorded is never undone by a batch folding older events.
                + " where stored.signatory is null", rows);
    }

    private void upsertConventions(List<ConventionView> rows) {
        if (rows.isEmpty()) {
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
                        // A view never replaces a later one: a live batch may fold an event a rebuild already did.
                        + " where stored.version < excluded.version",
                rows, 500, (statement, view) -> bind(statement, view));
    }

    /** A convention's row for COPY, in the order of {@link #CONVENTION_COLUMNS}. */
    private static Object[] conventionRow(ConventionView view) {
        ConventionView.DeadlineView deadline = view.avenantDeadline();
        return new Object[]{view.conventionId(), view.kind().name(), view.title(), view.territory().name(),
                CopyText.textArray(view.territory().departements()), view.period().from(), view.period().to(),
                view.lifecycle().name(), view.draftedOn(), view.inForceOn(), view.terminatedOn(),
                view.terminationReason(), deadline == null ? null : deadline.date(),
                deadline == null ? null : deadline.state().name(),
                deadline == null ? null : deadline.initialDate(), view.version(), write(view)};
    }

    private void bind(PreparedStatement statement, ConventionView view) throws SQLException {
        Array departements = statement.getConnection().createArrayOf("text",
                view.territory().departements().toArray());
        ConventionView.DeadlineView deadline = view.avenantDeadline();
        statement.setString(1, view.conventionId());
        statement.setString(2, view.kind().name());
        statement.setString(3, view.title());
        statement.setString(4, view.territory().name());
        statement.setArray(5, departements);
        statement.setObject(6, view.period().from(), Types.DATE);
        statement.setObject(7, view.period().to(), Types.DATE);
        statement.setString(8, view.lifecycle().name());
        statement.setObject(9, view.draftedOn(), Types.DATE);
        statement.setObject(10, view.inForceOn(), Types.DATE);
        statement.setObject(11, view.terminatedOn(), Types.DATE);
        statement.setString(12, view.terminationReason());
        statement.setObject(13, deadline == null ? null : deadline.date(), Types.DATE);
        statement.setString(14, deadline == null ? null : deadline.state().name());
        statement.setObject(15, deadline == null ? null : deadline.initialDate(), Types.DATE);
        statement.setLong(16, view.version());
        statement.setString(17, write(view));
    }

    /**
     * Rows that only ever get added, one per event. A batch that holds every view of a schema just emptied (a
     * rebuild) cannot meet one already there, and sends them with COPY, which costs PostgreSQL a fraction of
     * multi-row INSERTs (see BENCHMARKS.md#rebuild-copy); any other batch skips those already written.
     */
    private void insertNew(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (emptied != null) {
            copy(table, columns, rows.iterator());
            rows.clear();
        } else {
            String marks = String.join(", ", Collections.nCopies(columns.split(",").length, "?"));
            batch("insert into " + schema.table(table) + " (" + columns + ") values (" + marks + ")"
                    + " on conflict do nothing", rows);
        }
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

    private static String write(ConventionView view) {
        try {
            return ReadModelJson.MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A convention view cannot be written as JSON", e);
        }
    }

    /** What the batches of a chain into an emptied schema share: only the thread that folds them touches it. */
    private static final class EmptiedSchema {
        /** The conventions folded since {@link #writeViews()} last wrote their rows, and still in memory. */
        final Set<String> unwritten = new LinkedHashSet<>();
        /**
         * Those of them whose row a flush wrote, or is writing: put out of memory, then folded again. Every other
         * convention in memory has no row until {@link #writeViews()} is first called.
         */
        final Set<String> rowStored = new HashSet<>();
        /** Whether {@link #writeViews()} was called: after that, every view in memory may have a row. */
        boolean viewsWritten;
        final int viewsKept;
        long viewsWrittenEarly;
        long viewsReadBack;
        long readBackQueries;

        EmptiedSchema(int viewsKept) {
            if (viewsKept < 1) {
                throw new IllegalArgumentException("A rebuild keeps at least one view in memory, not " + viewsKept);
            }
            this.viewsKept = viewsKept;
        }
    }
}
