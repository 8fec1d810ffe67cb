package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.Commands;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import fr.gouv.conventions.api.fixture.Paths;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataAccessException;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.api.fixture.Bodies.departementSigns;
import static fr.gouv.conventions.api.fixture.Bodies.financialAvenant;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static fr.gouv.conventions.api.fixture.Bodies.prefetSigns;
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static fr.gouv.conventions.api.fixture.HttpApi.ANONYMOUS;
import static fr.gouv.conventions.api.fixture.HttpApi.AUDITOR;
import static fr.gouv.conventions.api.fixture.HttpApi.REPORTER;
import static fr.gouv.conventions.api.fixture.RecordingTime.between;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The audit side over real HTTP: the history of a convention and the audit events, which are read from the event
 * store itself (so, unlike the engagements, they need no waiting for a projection), who may read them, and the
 * integrity of the stored history: the database refuses to update, delete or truncate events, and
 * {@code GET /api/audit/verify} finds the events altered or removed by someone who bypassed the triggers.
 *
 * <p>The tamper tests ({@link Tampering}) run on a second service with a data folder of its own, so that the
 * history they break is not the one the other tests read.
 */
@OwnRunningService
class AuditIT {

    private static final String ID = "audit-pas-de-calais";
    private static final String OTHER = "audit-other-actor";
    private static final String CLERK = "clerk:import-2019";

    static ServiceInstance service;
    static HttpApi http;
    static Instant beforeHistory;
    static Instant afterHistory;
    static Instant beforeAvenant;
    static Instant afterAvenant;

    @BeforeAll
    static void recordAHistory() throws InterruptedException {
        beforeHistory = between();
        http.draft(http.post(Paths.DRAFTS).json(pasDeCalaisDraft(ID)).correlationId("audit-draft"));
        http.command(http.post(Paths.signatures(ID)).json(prefetSigns()).correlationId("audit-sign-prefet"));
        http.command(http.post(Paths.signatures(ID)).json(departementSigns()).correlationId("audit-sign-cd"));
        beforeAvenant = between();
        http.command(http.post(Paths.avenants(ID)).json(financialAvenant("2019-03-31")).correlationId("audit-avenant"));
        afterAvenant = between();

        // Another convention, with one event caused by someone else than the HTTP admin: an import job.
        http.draft(http.post(Paths.DRAFTS).json(pasDeCalaisDraft(OTHER)).correlationId("other-draft"));
        service.bean(CommandGateway.class).sendAndWait(GenericCommandMessage
                .asCommandMessage(Commands.prefetSigns(OTHER))
                .andMetaData(Map.of("actor", CLERK, "correlationId", "import-batch-7")));
        afterHistory = between();
    }

    @Test
    void theHistoryListsEveryEventInOrderWithWhoWhenAndWhy() {
        HttpApi.Answer answer = http.get("/api/conventions/" + ID + "/history").as(AUDITOR).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode history = answer.json();

        assertThat(history).extracting(event -> event.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(history).extracting(event -> event.get("type").asText()).containsExactly(
                "ConventionDrafted", "ConventionSigned", "ConventionSigned", "ConventionEnteredIntoForce",
                "AvenantSigned", "FundsCommitted", "FundsCommitted", "AvenantDeadlineFulfilled");
        assertThat(history).extracting(event -> event.get("businessDate").asText()).containsExactly(
                "2018-12-01", "2018-12-18", "2018-12-18", "2018-12-18",
                "2019-03-31", "2019-03-31", "2019-03-31", "2019-03-31");
        assertThat(history).extracting(event -> event.get("correlationId").asText()).containsExactly(
                "audit-draft", "audit-sign-prefet", "audit-sign-cd", "audit-sign-cd",
                "audit-avenant", "audit-avenant", "audit-avenant", "audit-avenant");
        assertThat(history).extracting(event -> event.get("actor").asText()).containsOnly("admin");
        assertThat(history).extracting(event -> event.get("conventionId").asText()).containsOnly(ID);

        List<Instant> recorded = new ArrayList<>();
        history.forEach(event -> recorded.add(Instant.parse(event.get("recordedAt").asText())));
        assertThat(recorded).isSorted().allSatisfy(instant -> assertThat(instant).isBetween(beforeHistory,
                afterHistory));
        assertThat(recorded.subList(4, 8)).allSatisfy(instant -> assertThat(instant).isBetween(beforeAvenant,
                afterAvenant));

        assertThat(history).extracting(event -> event.get("hash").asText()).allMatch(hash -> hash.matches(
                "[0-9a-f]{64}")).doesNotHaveDuplicates();
        assertThat(history).extracting(event -> event.get("eventId").asText()).doesNotHaveDuplicates();
        assertThat(history).extracting(event -> event.get("globalIndex").asLong()).isSorted();

        JsonNode draft = history.get(0).get("data");
        assertThat(draft.get("conventionId").asText()).isEqualTo(ID);
        assertThat(draft.get("avenantDeadline").asText()).isEqualTo("2019-03-31");
        assertThat(draft.get("draftedOn").asText()).isEqualTo("2018-12-01");
        JsonNode signedByCd = history.get(2).get("data");
        assertThat(signedByCd.get("party").asText()).isEqualTo("cd-62");
        assertThat(signedByCd.get("signatory").asText()).isEqualTo("Jean-Claude Leroy");
        JsonNode committed = history.get(5).get("data");
        assertThat(committed.get("party").asText()).isEqualTo("prefet-62");
        assertThat(committed.get("amount").asText()).isEqualTo("3000000.00");
        assertThat(committed.get("avenantNumber").asInt()).isEqualTo(1);
        assertThat(history.get(3).get("data").get("inForceOn").asText()).isEqualTo("2018-12-18");
    }

    @Test
    void theHistoryOfAnUnknownConventionIsNotFound() {
        HttpApi.Answer answer = http.get("/api/conventions/no-such-convention/history").as(AUDITOR).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void auditEventsAreFilteredByActor() {
        JsonNode byClerk = events("actor=" + HttpApi.query(CLERK));
        assertThat(byClerk.get("total").asLong()).isEqualTo(1);
        JsonNode signed = byClerk.get("items").get(0);
        assertThat(signed.get("conventionId").asText()).isEqualTo(OTHER);
        assertThat(signed.get("type").asText()).isEqualTo("ConventionSigned");
        assertThat(signed.get("actor").asText()).isEqualTo(CLERK);
        assertThat(signed.get("correlationId").asText()).isEqualTo("import-batch-7");

        JsonNode byAdmin = events("actor=admin&size=1000");
        assertThat(byAdmin.get("items")).extracting(event -> event.get("actor").asText()).containsOnly("admin");
        assertThat(byAdmin.get("items")).extracting(event -> event.get("conventionId").asText() + "#"
                + event.get("sequenceNumber").asLong()).contains(ID + "#0", ID + "#7", OTHER + "#0")
                .doesNotContain(OTHER + "#1");
        assertThat(events("actor=nobody").get("total").asLong()).isZero();
    }

    @Test
    void auditEventsAreFilteredByConventionAndTimeRange() {
        JsonNode ofConvention = events("conventionId=" + ID);
        assertThat(ofConvention.get("total").asLong()).isEqualTo(8);
        assertThat(ofConvention.get("items")).extracting(event -> event.get("conventionId").asText()).containsOnly(ID);
        assertThat(ofConvention.get("items")).extracting(event -> event.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);

        JsonNode ofTheAvenant = events("from=" + beforeAvenant + "&to=" + afterAvenant);
        assertThat(ofTheAvenant.get("items")).extracting(event -> event.get("correlationId").asText())
                .containsOnly("audit-avenant").hasSize(4);

        JsonNode since = events("from=" + afterAvenant + "&size=1000");
        assertThat(since.get("items")).extracting(event -> event.get("conventionId").asText()).containsOnly(OTHER);
        JsonNode until = events("to=" + beforeAvenant + "&conventionId=" + ID);
        assertThat(until.get("items")).extracting(event -> event.get("sequenceNumber").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(events("from=" + afterHistory).get("total").asLong()).isZero();

        HttpApi.Answer backwards = http.get("/api/audit/events?from=" + afterAvenant + "&to="
                + beforeAvenant).as(AUDITOR).send();
        assertThat(backwards.status()).as("%s", backwards).isEqualTo(400);
        assertThat(backwards.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(http.get("/api/audit/events?from=yesterday").as(AUDITOR).send().status()).isEqualTo(400);
    }

    @Test
    void auditEventsArePagedInAStableOrder() {
        List<Long> all = new ArrayList<>();
        events("size=1000").get("items").forEach(event -> all.add(event.get("globalIndex").asLong()));
        assertThat(all).isSorted().doesNotHaveDuplicates().hasSize(10);

        List<Long> paged = new ArrayList<>();
        for (int page = 0; page < 4; page++) {
            JsonNode answer = events("size=3&page=" + page);
            assertThat(answer.get("total").asLong()).isEqualTo(10);
            assertThat(answer.get("page").asInt()).isEqualTo(page);
            assertThat(answer.get("size").asInt()).isEqualTo(3);
            assertThat(answer.get("items").size()).isEqualTo(page < 3 ? 3 : 1);
            answer.get("items").forEach(event -> paged.add(event.get("globalIndex").asLong()));
        }
        assertThat(paged).isEqualTo(all);
        assertThat(events("size=3&page=4").get("items")).isEmpty();
        assertThat(events("size=3&page=1").get("items")).extracting(event -> event.get("globalIndex").asLong())
                .as("asked again, the same page").isEqualTo(paged.subList(3, 6));

        JsonNode ofConvention = events("conventionId=" + ID + "&size=5&page=1");
        assertThat(ofConvention.get("total").asLong()).isEqualTo(8);
        assertThat(ofConvention.get("items")).extracting(event -> event.get("sequenceNumber").asLong())
                .containsExactly(5L, 6L, 7L);
    }

    @Test
    void onlyAuditorsReadTheHistoryAndTheAuditEvents() {
        for (String path : List.of("/api/conventions/" + ID + "/history", "/api/audit/events", "/api/audit/verify")) {
            assertThat(http.get(path).as(AUDITOR).send().status()).as(path).isEqualTo(200);

            HttpApi.Answer reporter = http.get(path).as(REPORTER).send();
            assertThat(reporter.status()).as("%s", reporter).isEqualTo(403);
            assertThat(reporter.code()).isEqualTo("FORBIDDEN");

            // ADMIN commands; reading the audit is the AUDITOR's (SecurityConfiguration).
            assertThat(http.get(path).as(ADMIN).send().status()).as("admin on %s", path).isEqualTo(403);
            assertThat(http.get(path).as(ANONYMOUS).send().status()).as("anonymous on %s", path).isEqualTo(401);
        }
    }

    @Test
    void anUntouchedStoreIsIntact() {
        JsonNode report = verify(http);

        assertThat(report.get("intact").asBoolean()).as("%s", report).isTrue();
        assertThat(report.get("breaks")).isEmpty();
        assertThat(report.get("eventsChecked").asLong()).isEqualTo(service.storedEventCount());
        assertThat(report.get("chainsChecked").asLong()).isEqualTo(2);
        JsonNode history = http.get("/api/conventions/" + ID + "/history").as(AUDITOR).send().json();
        assertThat(report.get("chainHeads").get(ID).asText()).as("the head is the hash of the last event")
                .isEqualTo(history.get(history.size() - 1).get("hash").asText());
    }

    @Test
    void theDatabaseRefusesToUpdateAStoredEvent() {
        byte[] before = payload(service, ID, 2);

        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().update("update domainevententry"
                + " set payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Jean-Claude Leroy',"
                + " 'Quelqu''un d''autre'), 'UTF8') where aggregateidentifier = ? and sequencenumber = 2", ID)));
        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().update(
                "update domainevententry set actor = 'mallory' where aggregateidentifier = ?", ID)));

        assertThat(payload(service, ID, 2)).isEqualTo(before);
        assertThat(http.get("/api/conventions/" + ID + "/history").as(AUDITOR).send().json())
                .extracting(event -> event.get("actor").asText()).containsOnly("admin");
    }

    @Test
    void theDatabaseRefusesToDeleteOrTruncateStoredEvents() {
        long stored = service.storedEventCount();

        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().update(
                "delete from domainevententry where aggregateidentifier = ? and sequencenumber = 7", ID)));
        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().update("delete from domainevententry")));
        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().execute("truncate table domainevententry")));
        refusedAsAppendOnly(catchThrowable(() -> service.jdbc().execute("truncate table domainevententry cascade")));

        assertThat(service.storedEventCount()).isEqualTo(stored);
        assertThat(http.get("/api/conventions/" + ID + "/history").as(AUDITOR).send().json()).hasSize(8);
        assertThat(verify(http).get("intact").asBoolean()).isTrue();
    }

    /**
     * Someone with the rights to bypass the triggers ({@code session_replication_role = replica}, as a superuser or
     * a replication tool may) alters the stored history directly in PostgreSQL; the verification names where.
     * Each test breaks a convention of its own on a service of its own, and looks at the breaks of that convention.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Tampering {

        ServiceInstance tampered;
        HttpApi tamperedHttp;

        @BeforeAll
        void recordConventionsToTamperWith(@TempDir Path tamperedData) {
            tampered = ServiceInstance.onEmbeddedDatabase(tamperedData);
            tamperedHttp = tampered.http();
            for (String id : List.of("tamper-altered", "tamper-missing", "tamper-truncated", "tamper-reordered",
                    "tamper-actor", "tamper-untouched")) {
                tamperedHttp.draft(pasDeCalaisDraft(id));
                tamperedHttp.command("/api/conventions/" + id + "/signatures", prefetSigns());
                tamperedHttp.command("/api/conventions/" + id + "/signatures", departementSigns());
            }
            JsonNode report = verify(tamperedHttp);
            assertThat(report.get("intact").asBoolean()).as("before any tampering: %s", report).isTrue();
        }

        @AfterAll
        void stopTheTamperedService() {
            if (tampered != null) {
                tampered.close();
            }
        }

        @Test
        void anAlteredPayloadIsNamedAsAltered() {
            String id = "tamper-altered";
            String eventId = eventId(tampered, id, 2);

            bypassingTriggers(tampered, "update domainevententry set payload = convert_to(replace("
                    + "convert_from(payload, 'UTF8'), '2018-12-18', '2018-12-17'), 'UTF8')"
                    + " where aggregateidentifier = ? and sequencenumber = 2", id);

            JsonNode report = verify(tamperedHttp);
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(breaks(report, id)).containsExactly(id + " #2 " + eventId + " ALTERED");
            assertThat(breaks(report, "tamper-untouched")).isEmpty();
        }

        @Test
        void anEventRemovedFromTheMiddleIsNamedAsMissing() {
            String id = "tamper-missing";

            bypassingTriggers(tampered,
                    "delete from domainevententry where aggregateidentifier = ? and sequencenumber = 1", id);

            JsonNode report = verify(tamperedHttp);
            assertThat(report.get("intact").asBoolean()).isFalse();
            List<String> breaks = breaks(report, id);
            assertThat(breaks).isNotEmpty();
            assertThat(breaks.get(0)).isEqualTo(id + " #1 null MISSING");
            assertThat(breaks(report, "tamper-untouched")).isEmpty();
        }

        @Test
        void theLastEventRemovedIsNamedAsTruncatedOrRewritten() {
            String id = "tamper-truncated";

            bypassingTriggers(tampered,
                    "delete from domainevententry where aggregateidentifier = ? and sequencenumber = 3", id);

            JsonNode report = verify(tamperedHttp);
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(breaks(report, id)).containsExactly(id + " #3 null TRUNCATED_OR_REWRITTEN");
            assertThat(breaks(report, "tamper-untouched")).isEmpty();
        }

        @Test
        void eventsSwappedInTheStreamAreNamedAsAltered() {
            String id = "tamper-reordered";
            String first = eventId(tampered, id, 1);
            String second = eventId(tampered, id, 2);

            String swap = "update domainevententry set sequencenumber = %d"
                    + " where aggregateidentifier = ? and sequencenumber = %d";
            bypassingTriggers(tampered, id, List.of(swap.formatted(-1, 1), swap.formatted(1, 2),
                    swap.formatted(2, -1)));

            JsonNode report = verify(tamperedHttp);
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(breaks(report, id))
                    .startsWith(id + " #1 " + second + " ALTERED", id + " #2 " + first + " ALTERED");
            assertThat(breaks(report, "tamper-untouched")).isEmpty();
        }

        /**
         * Another writer (an import, a script) inserts an event without its hash: the database chains it, and the
         * service, which did not append it, chains its own next event onto it.
         */
        @Test
        void anEventWrittenWithoutTheServiceIsChainedByTheDatabaseAndTheServiceChainsOntoIt() {
            String id = "written-elsewhere";
            tampered.jdbc().update("""
                    insert into domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,
                                                  payloadtype, payloadrevision, payload, metadata)
                    select gen_random_uuid()::text, ?, 0, type, timestamp, payloadtype, payloadrevision,
                           convert_to(replace(convert_from(payload, 'UTF8'), 'tamper-untouched', ?), 'UTF8'), metadata
                      from domainevententry where aggregateidentifier = 'tamper-untouched' and sequencenumber = 0""",
                    id, id);

            tamperedHttp.command("/api/conventions/" + id + "/signatures", prefetSigns());

            assertThat(tampered.jdbc().queryForList("select hash is not null and actor is not null from domainevententry"
                    + " where aggregateidentifier = ? order by sequencenumber", Boolean.class, id))
                    .containsExactly(true, true);
            JsonNode report = verify(tamperedHttp);
            assertThat(breaks(report, id)).as("%s", report).isEmpty();
            JsonNode history = tamperedHttp.get("/api/conventions/" + id + "/history").as(AUDITOR).send().json();
            assertThat(report.get("chainHeads").get(id).asText()).isEqualTo(history.get(1).get("hash").asText());
        }

        /**
         * The audit columns (actor, correlation id, business date, time of recording) are copies of the chained metadata:
         * rewriting one of them, as the history would then show it, is reported by the verification.
         */
        @Test
        void anActorRewrittenInItsAuditColumnBreaksTheVerification() {
            String id = "tamper-actor";

            bypassingTriggers(tampered, "update domainevententry set actor = 'mallory'"
                    + " where aggregateidentifier = ? and sequencenumber = 0", id);

            JsonNode history = tamperedHttp.get("/api/conventions/" + id + "/history").as(AUDITOR).send().json();
            assertThat(history.get(0).get("actor").asText()).as("what auditors are now shown").isEqualTo("mallory");
            JsonNode report = verify(tamperedHttp);
            assertThat(breaks(report, id)).as("%s", report).isNotEmpty();
            assertThat(report.get("intact").asBoolean()).isFalse();
        }
    }

    /** The trigger's refusal: SQLSTATE 42501 (insufficient_privilege), "Stored events are append-only". */
    private static void refusedAsAppendOnly(Throwable refusal) {
        assertThat(refusal).as("refused").isInstanceOf(DataAccessException.class);
        Throwable cause = ((DataAccessException) refusal).getMostSpecificCause();
        assertThat(cause).isInstanceOf(SQLException.class).hasMessageContaining("Stored events are append-only");
        assertThat(((SQLException) cause).getSQLState()).isEqualTo("42501");
    }

    private static JsonNode events(String query) {
        HttpApi.Answer answer = http.get("/api/audit/events?" + query).as(AUDITOR).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode verify(HttpApi on) {
        HttpApi.Answer answer = on.get("/api/audit/verify").as(AUDITOR).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    /** The breaks the verification found in one convention, as "id #sequence eventId PROBLEM", in its order. */
    private static List<String> breaks(JsonNode report, String conventionId) {
        List<String> breaks = new ArrayList<>();
        report.get("breaks").forEach(found -> {
            if (found.get("conventionId").asText().equals(conventionId)) {
                breaks.add(found.get("conventionId").asText() + " #" + found.get("sequenceNumber").asLong() + " "
                        + (found.get("eventId").isNull() ? "null" : found.get("eventId").asText()) + " "
                        + found.get("problem").asText());
            }
        });
        return breaks;
    }

    private static byte[] payload(ServiceInstance on, String id, long sequenceNumber) {
        return on.jdbc().queryForObject("select payload from domainevententry where aggregateidentifier = ?"
                + " and sequencenumber = ?", byte[].class, id, sequenceNumber);
    }

    private static String eventId(ServiceInstance on, String id, long sequenceNumber) {
        return on.jdbc().queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ?"
                + " and sequencenumber = ?", String.class, id, sequenceNumber);
    }

    /**
     * Runs statements that each change exactly one row, on a single connection of the service's pool, in a
     * transaction where the triggers do not fire ({@code set local}: the setting ends with the transaction, so the
     * connection goes back to the pool as it was).
     */
    private static void bypassingTriggers(ServiceInstance on, String sql, String conventionId) {
        bypassingTriggers(on, conventionId, List.of(sql));
    }

    private static void bypassingTriggers(ServiceInstance on, String conventionId, List<String> statements) {
        try (Connection connection = on.bean(DataSource.class).getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local session_replication_role = replica");
            }
            for (String sql : statements) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, conventionId);
                    assertThat(statement.executeUpdate()).as(sql).isEqualTo(1);
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(new HashSet<>(on.jdbc().queryForList("show session_replication_role", String.class)))
                .as("a connection of the pool fires the triggers again").containsOnly("origin");
    }
}
