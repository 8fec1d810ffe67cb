package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

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
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static fr.gouv.conventions.api.fixture.HttpApi.ANONYMOUS;
import static fr.gouv.conventions.api.fixture.HttpApi.AUDITOR;
import static fr.gouv.conventions.api.fixture.HttpApi.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The current engagements end to end, over real HTTP: commands as admin, then {@code GET /api/conventions/{id}} and
 * {@code GET /api/conventions} as reporter, on one service started for the whole class on a fresh embedded
 * PostgreSQL.
 *
 * <p>The read model is <em>eventually</em> consistent with the commands: a command answers once its events are
 * stored, and the projection folds them in a little later. So before asserting what it reads, every test waits
 * (Awaitility, {@link HttpApi#awaitVersion}) until {@code GET /api/conventions/{id}} answers the version that
 * the last command returned.
 *
 * <p>Conventions meant to stay in force end in 2099, so that they are not shown EXPIRED; business dates are in the
 * past, as the service refuses facts dated after today.
 */
@OwnRunningService
class EngagementsIT {

    private static final String FAR_END = "2099-12-31";

    static ServiceInstance service;
    static HttpApi http;

    @Test
    void aConventionIsDraftThenPartiallySignedThenInForce() {
        String id = "lifecycle-62";
        assertThat(http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, null))).isZero();

        JsonNode drafted = http.awaitVersion(id, 0);
        assertThat(drafted.get("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.get("kind").asText()).isEqualTo("ENGAGEMENT");
        assertThat(drafted.get("draftedOn").asText()).isEqualTo("2024-01-01");
        assertThat(drafted.get("inForceOn").isNull()).isTrue();
        assertThat(drafted.get("period").get("to").asText()).isEqualTo(FAR_END);
        assertThat(drafted.get("parties")).extracting(party -> party.get("signedOn").isNull()).containsOnly(true);
        assertThat(drafted.get("avenantDeadline").isNull()).isTrue();

        long afterFirst = http.command("/api/conventions/" + id + "/signatures",
                signature(ETAT, "Le préfet", "2024-01-10"));
        assertThat(afterFirst).isEqualTo(1);
        JsonNode partiallySigned = http.awaitVersion(id, 1);
        assertThat(partiallySigned.get("status").asText()).isEqualTo("PARTIALLY_SIGNED");
        assertThat(party(partiallySigned, ETAT).get("signatory").asText()).isEqualTo("Le préfet");
        assertThat(party(partiallySigned, ETAT).get("signedOn").asText()).isEqualTo("2024-01-10");
        assertThat(party(partiallySigned, DEPARTEMENT).get("signedOn").isNull()).isTrue();
        assertThat(partiallySigned.get("inForceOn").isNull()).isTrue();

        long afterLast = http.command("/api/conventions/" + id + "/signatures",
                signature(DEPARTEMENT, "La présidente", "2024-01-15"));
        assertThat(afterLast).as("signed, then entered into force").isEqualTo(3);
        JsonNode inForce = http.awaitVersion(id, 3);
        assertThat(inForce.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(inForce.get("inForceOn").asText()).as("the latest signature").isEqualTo("2024-01-15");
        assertThat(party(inForce, DEPARTEMENT).get("signedOn").asText()).isEqualTo("2024-01-15");

        JsonNode row = listed(id);
        assertThat(row.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(row.get("inForceOn").asText()).isEqualTo("2024-01-15");
        assertThat(row.get("version").asLong()).isEqualTo(3);
    }

    @Test
    void avenantsAreListedInOrderAndAProlongationMovesTheEndDate() {
        String id = "avenants-59";
        http.draft(convention(id, "ENGAGEMENT", List.of("59"), "2024-01-01", "2098-12-31", null));
        http.signedByBoth(id, "2024-01-15");

        http.command("/api/conventions/" + id + "/avenants",
                avenant("MODIFICATIF", "2024-03-01", "Calendrier des comités de suivi", null));
        http.command("/api/conventions/" + id + "/avenants",
                avenant("PROLONGATION", "2024-06-01", "Prolongation d'un an", FAR_END));
        long version = http.command("/api/conventions/" + id + "/avenants",
                avenant("FINANCIER", "2024-07-01", "Engagements 2024", null,
                        avenantLine(ETAT, 2024, "120000.00", "INSERTION_EMPLOI"),
                        avenantLine(DEPARTEMENT, 2024, "130000.00", null)));
        assertThat(version).as("3 signature events, 3 avenants, 2 commitments").isEqualTo(8);

        JsonNode convention = http.awaitVersion(id, version);
        JsonNode avenants = convention.get("avenants");
        assertThat(avenants).hasSize(3);
        assertThat(avenants).extracting(avenant -> avenant.get("number").asInt()).containsExactly(1, 2, 3);
        assertThat(avenants).extracting(avenant -> avenant.get("kind").asText())
                .containsExactly("MODIFICATIF", "PROLONGATION", "FINANCIER");
        assertThat(avenants.get(0).get("signedOn").asText()).isEqualTo("2024-03-01");
        assertThat(avenants.get(0).get("summary").asText()).isEqualTo("Calendrier des comités de suivi");
        assertThat(avenants.get(0).get("newEndDate").isNull()).isTrue();
        assertThat(avenants.get(1).get("previousEndDate").asText()).isEqualTo("2098-12-31");
        assertThat(avenants.get(1).get("newEndDate").asText()).isEqualTo(FAR_END);
        assertThat(convention.get("period").get("from").asText()).isEqualTo("2024-01-01");
        assertThat(convention.get("period").get("to").asText()).as("moved by the prolongation").isEqualTo(FAR_END);
        assertThat(convention.get("funding")).extracting(line -> line.get("party").asText() + " "
                        + line.get("year").asInt() + " " + line.get("committed").asText())
                .containsExactly("departement 2024 130000.00", "prefet 2024 120000.00");
        assertThat(listed(id).get("periodTo").asText()).isEqualTo(FAR_END);
    }

    @Test
    void anExtendedDeadlineIsOpenAgainAndKeepsBothDates() {
        String id = "extended-deadline";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, "2025-03-31"));
        http.signedByBoth(id, "2024-01-15");
        JsonNode beforeExtension = http.awaitVersion(id, 3);
        assertThat(beforeExtension.get("avenantDeadline").get("state").asText())
                .as("open, and its date is past").isEqualTo("OVERDUE");

        long version = http.command("/api/conventions/" + id + "/deadline-extensions",
                extension("2098-06-30", "Concertation prolongée avec le conseil départemental", "2025-03-15"));
        assertThat(version).isEqualTo(4);

        JsonNode deadline = http.awaitVersion(id, 4).get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("OPEN");
        assertThat(deadline.get("date").asText()).isEqualTo("2098-06-30");
        assertThat(deadline.get("initialDate").asText()).isEqualTo("2025-03-31");
        assertThat(deadline.get("extensions")).hasSize(1);
        JsonNode extension = deadline.get("extensions").get(0);
        assertThat(extension.get("previousDeadline").asText()).isEqualTo("2025-03-31");
        assertThat(extension.get("newDeadline").asText()).isEqualTo("2098-06-30");
        assertThat(extension.get("reason").asText()).isEqualTo("Concertation prolongée avec le conseil départemental");
        assertThat(extension.get("decidedOn").asText()).isEqualTo("2025-03-15");

        JsonNode row = listed(id);
        assertThat(row.get("avenantDeadline").asText()).isEqualTo("2098-06-30");
        assertThat(row.get("avenantDeadlineState").asText()).isEqualTo("OPEN");

        // A second extension: both extensions stay, in order.
        http.command("/api/conventions/" + id + "/deadline-extensions",
                extension("2098-09-30", "Élections départementales", "2025-06-01"));
        JsonNode twice = http.awaitVersion(id, 5).get("avenantDeadline");
        assertThat(twice.get("extensions")).extracting(e -> e.get("previousDeadline").asText() + "->"
                + e.get("newDeadline").asText()).containsExactly("2025-03-31->2098-06-30", "2098-06-30->2098-09-30");
        assertThat(twice.get("initialDate").asText()).isEqualTo("2025-03-31");
    }

    @Test
    void aFinancialAvenantOnTimeFulfilsTheDeadline() {
        String id = "fulfilled-deadline";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, "2024-03-31"));
        http.signedByBoth(id, "2024-01-15");
        long version = http.command("/api/conventions/" + id + "/avenants", avenant("FINANCIER", "2024-03-31",
                "Engagements 2024", null, avenantLine(ETAT, 2024, "1000.00", null)));

        JsonNode deadline = http.awaitVersion(id, version).get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("FULFILLED");
        assertThat(deadline.get("fulfilledByAvenant").asInt()).isEqualTo(1);
        assertThat(deadline.get("fulfilledOn").asText()).isEqualTo("2024-03-31");
        assertThat(listed(id).get("avenantDeadlineState").asText()).isEqualTo("FULFILLED");
    }

    @Test
    void commitmentsShowWhatIsCommittedAgainstTheCeilingAndWhatRemains() {
        String id = "commitments-62";
        ObjectNode draft = convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, null);
        withCeilings(draft, ceiling(ETAT, 2024, "100000.00"), ceiling(ETAT, 2025, "50000.00"));
        withMatching(draft, matching(ETAT, DEPARTEMENT, "1.0"));
        http.draft(draft);
        http.signedByBoth(id, "2024-01-15");
        String path = "/api/conventions/" + id + "/commitments";
        http.command(path, commitment(ETAT, 2024, "30000.00", "2024-02-01", "INSERTION_EMPLOI", "Référents"));
        http.command(path, commitment(ETAT, 2024, "20000.50", "2024-03-01"));
        long version = http.command(path, commitment(DEPARTEMENT, 2024, "60000.00", "2024-03-02"));

        JsonNode convention = http.awaitVersion(id, version);
        List<String> funding = new ArrayList<>();
        convention.get("funding").forEach(line -> funding.add(line.get("party").asText() + " "
                + line.get("year").asInt() + " committed=" + line.get("committed").asText()
                + " ceiling=" + line.get("ceiling").asText() + " remaining=" + line.get("remaining").asText()));
        assertThat(funding).containsExactly(
                "departement 2024 committed=60000.00 ceiling=null remaining=null",
                "prefet 2024 committed=50000.50 ceiling=100000.00 remaining=49999.50",
                "prefet 2025 committed=0.00 ceiling=50000.00 remaining=50000.00");
        assertThat(convention.get("funding").get(1).get("committed").isTextual()).as("R10: a decimal string").isTrue();
        assertThat(convention.get("matching")).hasSize(1);
        JsonNode matched = convention.get("matching").get(0);
        assertThat(matched.get("year").asInt()).isEqualTo(2024);
        assertThat(matched.get("funderCommitted").asText()).isEqualTo("50000.50");
        assertThat(matched.get("matcherCommitted").asText()).isEqualTo("60000.00");
        assertThat(matched.get("required").asText()).isEqualTo("50000.50");
        assertThat(matched.get("shortfall").asText()).isEqualTo("0.00");
        assertThat(matched.get("matched").asBoolean()).isTrue();
    }

    @Test
    void aTerminatedConventionIsShownTerminated() {
        String id = "terminated-59";
        http.draft(convention(id, "AUTRE", List.of("59"), "2024-01-01", FAR_END, null));
        http.signedByBoth(id, "2024-01-15");
        long version = http.command("/api/conventions/" + id + "/termination",
                termination("2025-06-30", "Remplacée par le Pacte des solidarités"));
        assertThat(version).isEqualTo(4);

        JsonNode terminated = http.awaitVersion(id, version);
        assertThat(terminated.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(terminated.get("terminatedOn").asText()).isEqualTo("2025-06-30");
        assertThat(terminated.get("terminationReason").asText()).isEqualTo("Remplacée par le Pacte des solidarités");
        assertThat(terminated.get("inForceOn").asText()).isEqualTo("2024-01-15");
        assertThat(listed(id).get("status").asText()).isEqualTo("TERMINATED");
    }

    @Test
    void anInForceConventionWhoseEndDateIsPastIsExpired() {
        String id = "expired-62";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2019-01-01", "2021-12-31", null));
        http.signedByBoth(id, "2019-01-15");

        JsonNode expired = http.awaitVersion(id, 3);
        assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("inForceOn").asText()).isEqualTo("2019-01-15");
        assertThat(listed(id).get("status").asText()).isEqualTo("EXPIRED");
        assertThat(ids(http.get("/api/conventions?status=EXPIRED&size=500").as(REPORTER).send().json())).contains(id);
        assertThat(ids(http.get("/api/conventions?status=IN_FORCE&size=500").as(REPORTER).send().json()))
                .doesNotContain(id);
    }

    @Test
    void anOpenDeadlineWhoseDateIsPastIsOverdue() {
        String id = "overdue-62";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, "2024-03-31"));
        http.signedByBoth(id, "2024-01-15");

        JsonNode deadline = http.awaitVersion(id, 3).get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("OVERDUE");
        assertThat(deadline.get("date").asText()).isEqualTo("2024-03-31");
        assertThat(deadline.get("missedOn").isNull()).as("not recorded as missed: it was past when recorded").isTrue();
        JsonNode row = listed(id);
        assertThat(row.get("avenantDeadline").asText()).isEqualTo("2024-03-31");
        assertThat(row.get("avenantDeadlineState").asText()).isEqualTo("OVERDUE");
    }

    @Test
    void theListIsFilteredByStatusDepartementAndKind() {
        // Corsica's départements are used by this test only, so that its filters see exactly these conventions.
        http.draft(convention("filter-a", "ENGAGEMENT", List.of("2A"), "2024-01-01", FAR_END, null));
        http.draft(convention("filter-b", "ENGAGEMENT", List.of("2A"), "2024-01-01", FAR_END, null));
        http.draft(convention("filter-c", "CALPAE", List.of("2A", "2B"), "2024-01-01", FAR_END, null));
        http.draft(convention("filter-d", "AUTRE", List.of("2B"), "2024-01-01", FAR_END, null));
        http.draft(convention("filter-e", "ENGAGEMENT", List.of("2A"), "2019-01-01", "2021-12-31", null));
        http.signedByBoth("filter-b", "2024-02-01");
        http.signedByBoth("filter-c", "2024-02-01");
        http.signedByBoth("filter-d", "2024-02-01");
        http.command("/api/conventions/filter-d/termination", termination("2025-01-31", "Fin anticipée"));
        http.signedByBoth("filter-e", "2019-02-01");
        http.command("/api/conventions/filter-a/signatures", signature(ETAT, "Le préfet", "2024-02-01"));
        http.awaitVersion("filter-a", 1);
        http.awaitVersion("filter-b", 3);
        http.awaitVersion("filter-c", 3);
        http.awaitVersion("filter-d", 4);
        http.awaitVersion("filter-e", 3);

        assertThat(ids(list("departement=2A"))).containsExactly("filter-a", "filter-b", "filter-c", "filter-e");
        assertThat(ids(list("departement=2B"))).containsExactly("filter-c", "filter-d");
        assertThat(ids(list("departement=2A&status=IN_FORCE"))).containsExactly("filter-b", "filter-c");
        assertThat(ids(list("departement=2A&status=PARTIALLY_SIGNED"))).containsExactly("filter-a");
        assertThat(ids(list("departement=2A&status=EXPIRED"))).containsExactly("filter-e");
        assertThat(ids(list("departement=2B&status=TERMINATED"))).containsExactly("filter-d");
        assertThat(ids(list("departement=2A&kind=ENGAGEMENT"))).containsExactly("filter-a", "filter-b", "filter-e");
        assertThat(ids(list("departement=2B&kind=CALPAE"))).containsExactly("filter-c");
        assertThat(ids(list("departement=2A&kind=ENGAGEMENT&status=IN_FORCE"))).containsExactly("filter-b");
        assertThat(ids(list("departement=2B&kind=ENGAGEMENT"))).isEmpty();
        assertThat(list("departement=2A").get("total").asLong()).isEqualTo(4);

        JsonNode everyKindCalpae = list("kind=CALPAE&size=500");
        assertThat(everyKindCalpae.get("items")).extracting(item -> item.get("kind").asText()).containsOnly("CALPAE");
        JsonNode everyTerminated = list("status=TERMINATED&size=500");
        assertThat(everyTerminated.get("items")).extracting(item -> item.get("status").asText())
                .containsOnly("TERMINATED");

        JsonNode row = list("departement=2B&kind=CALPAE").get("items").get(0);
        assertThat(row.get("title").asText()).isEqualTo("Convention filter-c");
        assertThat(row.get("territoryName").asText()).isEqualTo("Territoire de filter-c");
        assertThat(row.get("departements")).extracting(JsonNode::asText).containsExactly("2A", "2B");
        assertThat(row.get("periodFrom").asText()).isEqualTo("2024-01-01");
        assertThat(row.get("periodTo").asText()).isEqualTo(FAR_END);
        assertThat(row.get("inForceOn").asText()).isEqualTo("2024-02-01");
    }

    @Test
    void theListIsPagedInAStableOrderById() {
        // Guadeloupe (971) is used by this test only. Drafted out of order: the list is ordered by id.
        for (String id : List.of("page-3", "page-1", "page-5", "page-2", "page-4")) {
            http.draft(convention(id, "ENGAGEMENT", List.of("971"), "2024-01-01", FAR_END, null));
        }
        for (String id : List.of("page-1", "page-2", "page-3", "page-4", "page-5")) {
            http.awaitVersion(id, 0);
        }

        JsonNode first = list("departement=971&size=2&page=0");
        assertThat(ids(first)).containsExactly("page-1", "page-2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(ids(list("departement=971&size=2&page=1"))).containsExactly("page-3", "page-4");
        JsonNode last = list("departement=971&size=2&page=2");
        assertThat(ids(last)).containsExactly("page-5");
        assertThat(last.get("total").asLong()).isEqualTo(5);
        JsonNode beyond = list("departement=971&size=2&page=3");
        assertThat(ids(beyond)).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(ids(list("departement=971&size=2&page=1"))).as("asked again, the same page")
                .containsExactly("page-3", "page-4");

        JsonNode defaults = http.get("/api/conventions").as(REPORTER).send().json();
        assertThat(defaults.get("page").asInt()).isZero();
        assertThat(defaults.get("size").asInt()).isEqualTo(50);
        assertThat(ids(defaults)).isSorted();
    }

    @Test
    void anUnknownConventionIsNotFound() {
        HttpApi.Answer answer = http.get("/api/conventions/no-such-convention").as(REPORTER).send();

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(answer.json().get("detail").asText()).contains("no-such-convention");
    }

    @Test
    void badFilterValuesAreRefusedWithTheParameterNamed() {
        assertRefused("status=BOGUS", "status");
        assertRefused("departement=99", "departement");
        assertRefused("departement=abc", "departement");
        assertRefused("kind=NOPE", "kind");
        assertRefused("size=0", "size");
        assertRefused("size=501", "size");
        assertRefused("page=-1", "page");
        assertRefused("page=first", "page");
    }

    @Test
    void everyRoleReadsTheEngagementsButNobodyAnonymously() {
        String id = "read-by-all";
        http.draft(convention(id, "ENGAGEMENT", List.of("62"), "2024-01-01", FAR_END, null));
        http.awaitVersion(id, 0);

        for (String user : List.of(REPORTER, AUDITOR, ADMIN)) {
            assertThat(http.get("/api/conventions").as(user).send().status()).as(user).isEqualTo(200);
            assertThat(http.get("/api/conventions/" + id).as(user).send().status()).as(user).isEqualTo(200);
        }
        HttpApi.Answer anonymous = http.get("/api/conventions/" + id).as(ANONYMOUS).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        assertThat(http.get("/api/conventions").as(ANONYMOUS).send().status()).isEqualTo(401);
    }

    private static void assertRefused(String filter, String parameter) {
        HttpApi.Answer answer = http.get("/api/conventions?" + filter).as(REPORTER).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.code()).as("%s", answer).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.json().get("errors")).as("%s", answer)
                .extracting(error -> error.get("field").asText()).contains(parameter);
    }

    private static JsonNode list(String filter) {
        HttpApi.Answer answer = http.get("/api/conventions?" + filter).as(REPORTER).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    /** The row of the list for this convention. */
    private static JsonNode listed(String id) {
        JsonNode page = list("size=500");
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(item -> item.get("conventionId").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not listed: " + page));
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("conventionId").asText()));
        return ids;
    }

    private static JsonNode party(JsonNode convention, String id) {
        return StreamSupport.stream(convention.get("parties").spliterator(), false)
                .filter(party -> party.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
