package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.api.fixture.Bodies.DEPARTEMENT;
import static fr.gouv.conventions.api.fixture.Bodies.ETAT;
import static fr.gouv.conventions.api.fixture.Bodies.avenant;
import static fr.gouv.conventions.api.fixture.Bodies.avenantLine;
import static fr.gouv.conventions.api.fixture.Bodies.ceiling;
import static fr.gouv.conventions.api.fixture.Bodies.commitment;
import static fr.gouv.conventions.api.fixture.Bodies.convention;
import static fr.gouv.conventions.api.fixture.Bodies.extension;
import static fr.gouv.conventions.api.fixture.Bodies.matching;
import static fr.gouv.conventions.api.fixture.Bodies.signature;
import static fr.gouv.conventions.api.fixture.Bodies.termination;
import static fr.gouv.conventions.api.fixture.Bodies.withCeilings;
import static fr.gouv.conventions.api.fixture.Bodies.withMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the projection writes for each kind of event, read where reporting tools read it: the public SQL views of
 * the read model (their names and columns are a public contract), on the real PostgreSQL of a running service.
 * Commands go over HTTP as admin; AvenantDeadlineMissed, which no command causes, is produced by the persisted
 * deadline manager, whose scheduled task is brought forward to now (as DeadlineIT does).
 *
 * <p>The read model is eventually consistent with the commands: every test waits (Awaitility) until the
 * {@code conventions} view shows the version the last command answered before it reads the rows.
 */
@OwnRunningService
class ProjectionRowsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static ServiceInstance service;
    static HttpApi http;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void readTheServicesDatabase() {
        jdbc = service.jdbc();
    }

    @Test
    void conventionDraftedWritesTheConventionItsPartiesCeilingsAndMatchingRules() {
        String id = "rows-drafted";
        ObjectNode draft = convention(id, "CALPAE", List.of("59", "62"), "2024-01-01", "2099-12-31", "2099-03-31");
        draft.put("draftedOn", "2023-12-01");
        withCeilings(draft, ceiling(ETAT, 2024, "500000.00"), ceiling(DEPARTEMENT, 2025, "250000.50"));
        withMatching(draft, matching(ETAT, DEPARTEMENT, "0.75"));
        http.draft(draft);
        awaitVersion(id, 0);

        Map<String, Object> row = jdbc.queryForMap("select kind, title, territory_name, array_to_string(departements,"
                + " ',') as departements, period_from::text, period_to::text, status, drafted_on::text, in_force_on,"
                + " terminated_on, termination_reason, avenant_deadline::text, avenant_deadline_state,"
                + " avenant_deadline_initially::text, version from conventions where convention_id = ?", id);
        assertThat(row).containsEntry("kind", "CALPAE").containsEntry("title", "Convention " + id)
                .containsEntry("territory_name", "Territoire de " + id).containsEntry("departements", "59,62")
                .containsEntry("period_from", "2024-01-01").containsEntry("period_to", "2099-12-31")
                .containsEntry("status", "DRAFT").containsEntry("drafted_on", "2023-12-01")
                .containsEntry("in_force_on", null).containsEntry("terminated_on", null)
                .containsEntry("termination_reason", null).containsEntry("avenant_deadline", "2099-03-31")
                .containsEntry("avenant_deadline_state", "OPEN")
                .containsEntry("avenant_deadline_initially", "2099-03-31").containsEntry("version", 0L);
        assertThat(rows("select party_id || ' ' || role || ' ' || name || ' ' || representative || ' '"
                + " || coalesce(signatory, '-') || ' ' || coalesce(signed_on::text, '-')"
                + " from convention_parties where convention_id = ? order by party_id", id)).containsExactly(
                "departement DEPARTEMENT Conseil départemental La présidente - -",
                "prefet ETAT Préfecture Le préfet - -");
        assertThat(rows("select party_id || ' ' || year || ' ' || amount from convention_ceilings"
                + " where convention_id = ? order by party_id", id))
                .containsExactly("departement 2025 250000.50", "prefet 2024 500000.00");
        assertThat(rows("select funder || '->' || matcher || ' ' || ratio from convention_matching_rules"
                + " where convention_id = ?", id)).containsExactly("prefet->departement 0.75");
        assertThat(count("convention_avenants", id)).isZero();
        assertThat(count("convention_commitments", id)).isZero();
        assertThat(count("convention_deadline_extensions", id)).isZero();
        assertThat(rows("select party_id || ' ' || year || ' ' || committed || ' ' || ceiling || ' ' || remaining"
                + " from funding_by_party_year where convention_id = ? order by year", id)).as("ceilings alone")
                .containsExactly("prefet 2024 0.00 500000.00 500000.00", "departement 2025 0.00 250000.50 250000.50");
        assertThat(count("matching_by_year", id)).as("no year with a commitment").isZero();
    }

    @Test
    void conventionSignedRecordsTheSignatoryAndTheDateOfThatPartyOnly() {
        String id = "rows-signed";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", null));
        http.command("/api/conventions/" + id + "/signatures",
                signature(DEPARTEMENT, "Mme la présidente", "2024-02-01"));
        awaitVersion(id, 1);

        assertThat(rows("select party_id || ' ' || coalesce(signatory, '-') || ' ' || coalesce(signed_on::text, '-')"
                + " from convention_parties where convention_id = ? order by party_id", id))
                .containsExactly("departement Mme la présidente 2024-02-01", "prefet - -");
        assertThat(jdbc.queryForMap("select status, in_force_on, version from conventions where convention_id = ?",
                id)).containsEntry("status", "PARTIALLY_SIGNED").containsEntry("in_force_on", null)
                .containsEntry("version", 1L);
    }

    @Test
    void conventionEnteredIntoForceSetsTheStatusAndTheDateOfTheLatestSignature() {
        String id = "rows-in-force";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", null));
        http.command("/api/conventions/" + id + "/signatures", signature(DEPARTEMENT, "La présidente", "2024-02-10"));
        http.command("/api/conventions/" + id + "/signatures", signature(ETAT, "Le préfet", "2024-02-01"));
        awaitVersion(id, 3);

        assertThat(jdbc.queryForMap("select status, in_force_on::text, version from conventions"
                + " where convention_id = ?", id)).containsEntry("status", "IN_FORCE")
                .containsEntry("in_force_on", "2024-02-10").containsEntry("version", 3L);
        assertThat(rows("select party_id || ' ' || signed_on from convention_parties where convention_id = ?"
                + " order by party_id", id)).containsExactly("departement 2024-02-10", "prefet 2024-02-01");
    }

    @Test
    void avenantSignedAddsARowAndAProlongationMovesTheEndOfThePeriod() {
        String id = "rows-avenants";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2098-12-31", null));
        http.signedByBoth(id, "2024-01-15");
        http.command("/api/conventions/" + id + "/avenants",
                avenant("MODIFICATIF", "2024-02-01", "Comités de suivi trimestriels", null));
        long version = http.command("/api/conventions/" + id + "/avenants",
                avenant("PROLONGATION", "2024-03-01", "Prolongation d'un an", "2099-12-31"));
        awaitVersion(id, version);

        assertThat(rows("select number || ' ' || kind || ' ' || signed_on || ' ' || summary || ' '"
                + " || coalesce(previous_end_date::text, '-') || ' ' || coalesce(new_end_date::text, '-')"
                + " from convention_avenants where convention_id = ? order by number", id)).containsExactly(
                "1 MODIFICATIF 2024-02-01 Comités de suivi trimestriels - -",
                "2 PROLONGATION 2024-03-01 Prolongation d'un an 2098-12-31 2099-12-31");
        assertThat(jdbc.queryForObject("select period_to::text from conventions where convention_id = ?",
                String.class, id)).isEqualTo("2099-12-31");
        // The stored document does not grow with the avenants; the convention is served with them, from their rows.
        String schema = jdbc.queryForObject("select active_schema from read_model_state", String.class);
        assertThat(jdbc.queryForObject("select jsonb_array_length(document -> 'avenants') from " + schema
                + ".conventions where convention_id = ?", Integer.class, id)).isZero();
        JsonNode served = http.awaitVersion(id, version).get("avenants");
        assertThat(served).hasSize(2);
        assertThat(served.get(0).get("number").asInt()).isEqualTo(1);
        assertThat(served.get(0).get("kind").asText()).isEqualTo("MODIFICATIF");
        assertThat(served.get(0).get("signedOn").asText()).isEqualTo("2024-02-01");
        assertThat(served.get(0).get("summary").asText()).isEqualTo("Comités de suivi trimestriels");
        assertThat(served.get(0).get("previousEndDate").isNull()).isTrue();
        assertThat(served.get(0).get("newEndDate").isNull()).isTrue();
        assertThat(served.get(1).get("number").asInt()).isEqualTo(2);
        assertThat(served.get(1).get("kind").asText()).isEqualTo("PROLONGATION");
        assertThat(served.get(1).get("previousEndDate").asText()).isEqualTo("2098-12-31");
        assertThat(served.get(1).get("newEndDate").asText()).isEqualTo("2099-12-31");
    }

    @Test
    void fundsCommittedAddsARowPerCommitmentAndFeedsTheFundingAndMatchingViews() {
        String id = "rows-funds";
        ObjectNode draft = convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", null);
        withCeilings(draft, ceiling(ETAT, 2024, "100000.00"));
        withMatching(draft, matching(ETAT, DEPARTEMENT, "0.5"));
        http.draft(draft);
        http.signedByBoth(id, "2024-01-15");
        long standalone = http.command("/api/conventions/" + id + "/commitments",
                commitment(ETAT, 2024, "60000.00", "2024-02-01", "INSERTION_EMPLOI", "Référents de parcours"));
        long version = http.command("/api/conventions/" + id + "/avenants", avenant("FINANCIER", "2024-03-01",
                "Engagements 2024", null, avenantLine(ETAT, 2024, "40000.00", null),
                avenantLine(DEPARTEMENT, 2024, "49999.99", "PREVENTION")));
        awaitVersion(id, version);

        assertThat(standalone).isEqualTo(4);
        assertThat(rows("select sequence_number || ' ' || party_id || ' ' || year || ' ' || amount || ' '"
                + " || coalesce(axis, '-') || ' ' || coalesce(action, '-') || ' ' || committed_on || ' '"
                + " || coalesce(avenant_number::text, '-') from convention_commitments where convention_id = ?"
                + " order by sequence_number", id)).containsExactly(
                "4 prefet 2024 60000.00 INSERTION_EMPLOI Référents de parcours 2024-02-01 -",
                "6 prefet 2024 40000.00 - - 2024-03-01 1",
                "7 departement 2024 49999.99 PREVENTION - 2024-03-01 1");
        assertThat(rows("select party_id || ' ' || party_role || ' ' || year || ' ' || committed || ' '"
                + " || coalesce(ceiling::text, '-') || ' ' || coalesce(remaining::text, '-')"
                + " from funding_by_party_year where convention_id = ? order by party_id", id)).containsExactly(
                "departement DEPARTEMENT 2024 49999.99 - -",
                "prefet ETAT 2024 100000.00 100000.00 0.00");
        assertThat(rows("select year || ' ' || funder || '->' || matcher || ' ' || ratio || ' ' || funder_committed"
                + " || ' ' || matcher_committed || ' ' || required || ' ' || shortfall || ' ' || matched"
                + " from matching_by_year where convention_id = ?", id))
                .containsExactly("2024 prefet->departement 0.5 100000.00 49999.99 50000.00 0.01 false");
    }

    @Test
    void avenantDeadlineFulfilledSetsTheDeadlineState() {
        String id = "rows-fulfilled";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", "2024-03-31"));
        http.signedByBoth(id, "2024-01-15");
        awaitVersion(id, 3);
        assertThat(deadline(id)).as("open, and past").containsEntry("avenant_deadline_state", "OVERDUE");

        long version = http.command("/api/conventions/" + id + "/avenants", avenant("FINANCIER", "2024-03-31",
                "Engagements 2024", null, avenantLine(ETAT, 2024, "1000.00", null)));
        assertThat(version).as("avenant, commitment, fulfilled").isEqualTo(6);
        awaitVersion(id, version);

        assertThat(deadline(id)).containsEntry("avenant_deadline", "2024-03-31")
                .containsEntry("avenant_deadline_state", "FULFILLED")
                .containsEntry("avenant_deadline_initially", "2024-03-31");
    }

    @Test
    void avenantDeadlineExtendedAddsAnExtensionRowAndMovesTheDeadline() {
        String id = "rows-extended";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", "2024-03-31"));
        long first = http.command("/api/conventions/" + id + "/deadline-extensions",
                extension("2024-06-30", "Concertation prolongée", "2024-03-15"));
        long version = http.command("/api/conventions/" + id + "/deadline-extensions",
                extension("2098-12-31", "Renouvellement de l'assemblée", "2024-06-15"));
        awaitVersion(id, version);

        assertThat(rows("select sequence_number || ' ' || previous_deadline || ' ' || new_deadline || ' ' || reason"
                + " || ' ' || decided_on from convention_deadline_extensions where convention_id = ?"
                + " order by sequence_number", id)).containsExactly(
                first + " 2024-03-31 2024-06-30 Concertation prolongée 2024-03-15",
                version + " 2024-06-30 2098-12-31 Renouvellement de l'assemblée 2024-06-15");
        assertThat(deadline(id)).containsEntry("avenant_deadline", "2098-12-31")
                .containsEntry("avenant_deadline_state", "OPEN")
                .containsEntry("avenant_deadline_initially", "2024-03-31");
    }

    @Test
    void avenantDeadlineMissedOnTheWallClockSetsTheDeadlineState() {
        String id = "rows-missed";
        LocalDate tomorrow = LocalDate.now(Clock.system(PARIS)).plusDays(1);
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", tomorrow.toString()));
        awaitVersion(id, 0);
        assertThat(deadline(id)).containsEntry("avenant_deadline_state", "OPEN");

        // The wall clock passes the deadline: its scheduled task (and only it) is brought forward to now.
        Timestamp passesAt = Timestamp.from(tomorrow.plusDays(1).atStartOfDay(PARIS).toInstant());
        assertThat(jdbc.update("update scheduled_tasks set execution_time = now() where task_name = 'AxonDeadline'"
                + " and execution_time = ?", passesAt)).isEqualTo(1);
        await().atMost(HttpApi.CATCH_UP).untilAsserted(() -> assertThat(service.events(id))
                .extracting(event -> event.getPayloadType().getSimpleName()).contains("AvenantDeadlineMissed"));
        awaitVersion(id, 1);

        assertThat(deadline(id)).containsEntry("avenant_deadline", tomorrow.toString())
                .containsEntry("avenant_deadline_state", "MISSED");
        JsonNode deadline = http.get("/api/conventions/" + id).as(HttpApi.REPORTER).send().json()
                .get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("MISSED");
        assertThat(deadline.get("missedOn").asText()).isEqualTo(tomorrow.plusDays(1).toString());
    }

    @Test
    void conventionTerminatedSetsTheStatusTheDateAndTheReason() {
        String id = "rows-terminated";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", "2099-12-31", "2099-03-31"));
        http.signedByBoth(id, "2024-01-15");
        long version = http.command("/api/conventions/" + id + "/termination",
                termination("2025-01-31", "Dénonciation par le département"));
        awaitVersion(id, version);

        assertThat(jdbc.queryForMap("select status, in_force_on::text, terminated_on::text, termination_reason"
                + " from conventions where convention_id = ?", id)).containsEntry("status", "TERMINATED")
                .containsEntry("in_force_on", "2024-01-15").containsEntry("terminated_on", "2025-01-31")
                .containsEntry("termination_reason", "Dénonciation par le département");
    }

    @Test
    void theStatusOfAnInForceConventionPastItsEndIsExpiredInTheView() {
        String id = "rows-expired";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2019-01-01", "2021-12-31", null));
        http.signedByBoth(id, "2019-01-15");
        awaitVersion(id, 3);

        assertThat(jdbc.queryForObject("select status from conventions where convention_id = ?", String.class, id))
                .isEqualTo("EXPIRED");
    }

    /**
     * The public views derive EXPIRED and OVERDUE from the day in Paris, like GET /api/conventions/{id}, whatever the
     * time zone of the session that reads them: one 13 hours ahead of Paris (Kiribati) and one 12 hours behind (Niue)
     * see the same statuses.
     */
    @Test
    void theStatusInTheViewsIsTheStatusOnTheServicesDayWhateverTheReadersTimeZone() throws Exception {
        LocalDate today = LocalDate.now(Clock.system(PARIS));
        String endedYesterday = "rows-ended-yesterday";
        String endingToday = "rows-ending-today";
        http.draft(convention(endedYesterday, "ENGAGEMENT", List.of("62"), "2024-01-01", today.minusDays(1).toString(),
                today.minusDays(1).toString()));
        http.draft(convention(endingToday, "ENGAGEMENT", List.of("62"), "2024-01-01", today.toString(),
                today.toString()));
        http.signedByBoth(endedYesterday, "2024-01-15");
        http.signedByBoth(endingToday, "2024-01-15");
        JsonNode yesterday = http.awaitVersion(endedYesterday, 3);
        JsonNode todays = http.awaitVersion(endingToday, 3);
        assertThat(yesterday.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(yesterday.get("avenantDeadline").get("state").asText()).isEqualTo("OVERDUE");
        assertThat(todays.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(todays.get("avenantDeadline").get("state").asText()).isEqualTo("OPEN");

        List<String> seen = new ArrayList<>();
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Niue")) {
            try (Connection connection = service.bean(DataSource.class).getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local time zone '" + zone + "'");
                    try (ResultSet rows = statement.executeQuery("select convention_id, status,"
                            + " avenant_deadline_state from conventions where convention_id in ('" + endedYesterday
                            + "', '" + endingToday + "') order by convention_id")) {
                        while (rows.next()) {
                            seen.add(zone + " " + rows.getString(1) + " " + rows.getString(2) + " "
                                    + rows.getString(3));
                        }
                    }
                }
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }

        assertThat(seen).as("Paris's day is %s", today).containsExactly(
                "Pacific/Kiritimati rows-ended-yesterday EXPIRED OVERDUE",
                "Pacific/Kiritimati rows-ending-today IN_FORCE OPEN",
                "Pacific/Niue rows-ended-yesterday EXPIRED OVERDUE",
                "Pacific/Niue rows-ending-today IN_FORCE OPEN");
    }

    private static void awaitVersion(String id, long version) {
        await().atMost(HttpApi.CATCH_UP).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select version from conventions where convention_id = ?", Long.class, id))
                .as("version of %s in the conventions view", id).containsExactly(version));
    }

    private static Map<String, Object> deadline(String id) {
        return jdbc.queryForMap("select avenant_deadline::text, avenant_deadline_state,"
                + " avenant_deadline_initially::text from conventions where convention_id = ?", id);
    }

    private static List<String> rows(String sql, String id) {
        return jdbc.queryForList(sql, String.class, id);
    }

    private static long count(String view, String id) {
        return jdbc.queryForObject("select count(*) from " + view + " where convention_id = ?", Long.class, id);
    }
}
