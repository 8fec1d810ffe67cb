package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.Bodies;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import fr.gouv.conventions.api.fixture.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static fr.gouv.conventions.api.fixture.Bodies.BASSIN_MINIER_PARTIES;
import static fr.gouv.conventions.api.fixture.Bodies.bassinMinierDraft;
import static fr.gouv.conventions.api.fixture.Bodies.bassinMinierSigns;
import static fr.gouv.conventions.api.fixture.Bodies.commitment;
import static fr.gouv.conventions.api.fixture.Bodies.party;
import static fr.gouv.conventions.api.fixture.Bodies.signature;
import static fr.gouv.conventions.api.fixture.Bodies.territory;
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static fr.gouv.conventions.api.fixture.HttpApi.ANONYMOUS;
import static fr.gouv.conventions.api.fixture.HttpApi.AUDITOR;
import static fr.gouv.conventions.api.fixture.HttpApi.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The funds report ({@code GET /api/reports/funds}), JSON and CSV, over real HTTP, on the bassin minier convention of
 * the design and two others, recorded once for the class through the command API.
 *
 * <ul>
 *   <li>{@code bassin-minier-2019}: the design's draft (ceiling of prefet-region in 2020 = 1 000 000.00, prefet-region
 *       matched by cd-59 and cd-62 at 0.5); 2020: prefet-region 1 000 000.00, cd-59 and cd-62 500 000.00 each, all
 *       matched; 2021: prefet-region 250 000.01, cd-59 125 000.01 (matched: 0.5 × 250 000.01 = 125 000.005, due
 *       125 000.01 to the cent), cd-62 125 000.00 (short of one cent).</li>
 *   <li>{@code bassin-minier-manque}: the same draft; 2020: prefet-region 1 000 000.00, cd-59 only 333 333.33 (short
 *       of 166 666.67), cd-62 nothing at all (short of 500 000.00).</li>
 *   <li>{@code bassin-minier-deux-financeurs}: the same parties, cd-62 matching prefet-region at 0.5 and prefet-62
 *       at 1.0; 2020: prefet-region 100 000.00, prefet-62 800 000.00, cd-62 60 000.00 (enough for the first rule,
 *       short of 740 000.00 for the second).</li>
 *   <li>{@code nord-2020}: a convention of the Nord alone (département 59), prefet-59 commits 200 000.00 in 2020.</li>
 * </ul>
 *
 * <p>The report reads the projection, which is eventually consistent with the commands: the set-up waits
 * (Awaitility) until {@code GET /api/conventions/{id}} answers the version of each convention's last command.
 */
@OwnRunningService
class FundsReportIT {

    private static final String CSV_HEADER = "convention_id,departements,party_id,party_role,year,committed,ceiling,"
            + "remaining,matching_status,matching_shortfall";

    static ServiceInstance service;
    static HttpApi http;

    @BeforeAll
    static void recordTheConventions() {
        bassinMinierInForce("bassin-minier-2019");
        for (String who : List.of("state", "nord", "pas-de-calais")) {
            http.command(Paths.commitments("bassin-minier-2019"), Bodies.realHistory("bassin-minier-2020-" + who));
        }
        HttpApi.Answer overCeiling = http.post(Paths.commitments("bassin-minier-2019")).as(ADMIN)
                .json(Bodies.realHistory("bassin-minier-2020-state").set("amount", "0.01")
                        .set("committedOn", "2020-02-01")).send();
        assertThat(overCeiling.code()).as("one cent over the ceiling is refused (R7)").isEqualTo("CEILING_EXCEEDED");
        commit("bassin-minier-2019", "prefet-region", 2021, "250000.01", "2021-01-15");
        commit("bassin-minier-2019", "cd-59", 2021, "125000.01", "2021-01-15");
        long bassinMinier = commit("bassin-minier-2019", "cd-62", 2021, "125000.00", "2021-01-15");

        bassinMinierInForce("bassin-minier-manque");
        commit("bassin-minier-manque", "prefet-region", 2020, "1000000.00", "2020-01-15");
        long manque = commit("bassin-minier-manque", "cd-59", 2020, "333333.33", "2020-01-20");

        ObjectNode twoFunders = bassinMinierDraft("bassin-minier-deux-financeurs").tree();
        twoFunders.putArray("matching")
                .add(Bodies.matching("prefet-region", "cd-62", "0.5"))
                .add(Bodies.matching("prefet-62", "cd-62", "1.0"));
        http.draft(twoFunders);
        for (String party : BASSIN_MINIER_PARTIES) {
            http.command("/api/conventions/bassin-minier-deux-financeurs/signatures", bassinMinierSigns(party));
        }
        commit("bassin-minier-deux-financeurs", "prefet-region", 2020, "100000.00", "2020-01-15");
        commit("bassin-minier-deux-financeurs", "prefet-62", 2020, "800000.00", "2020-01-15");
        long twoFundersVersion = commit("bassin-minier-deux-financeurs", "cd-62", 2020, "60000.00", "2020-01-15");

        ObjectNode nord = Bodies.convention("nord-2020", "ENGAGEMENT", List.of("59"), "2019-01-01", "2021-12-31",
                null);
        nord.set("territory", territory("Nord", "59"));
        nord.putArray("parties")
                .add(party("prefet-59", "ETAT", "Préfet du Nord", "Préfet du Nord"))
                .add(party("cd-59", "DEPARTEMENT", "Département du Nord", "Président du conseil départemental"));
        http.draft(nord);
        http.command("/api/conventions/nord-2020/signatures", signature("prefet-59", "Préfet du Nord", "2019-02-01"));
        http.command("/api/conventions/nord-2020/signatures", signature("cd-59", "Président", "2019-02-01"));
        long nordVersion = commit("nord-2020", "prefet-59", 2020, "200000.00", "2020-03-01");

        http.awaitVersion("bassin-minier-2019", bassinMinier);
        http.awaitVersion("bassin-minier-manque", manque);
        http.awaitVersion("nord-2020", nordVersion);
        http.awaitVersion("bassin-minier-deux-financeurs", twoFundersVersion);
    }

    @Test
    void jsonLinesShowCommittedCeilingAndRemainingPerConventionPartyAndYear() {
        JsonNode report = report("");

        List<String> lines = lines(report, line -> line.get("conventionId").asText().equals("bassin-minier-2019")
                && line.get("year").asInt() == 2020);
        assertThat(lines).containsExactly(
                "bassin-minier-2019 2020 cd-59 DEPARTEMENT committed=500000.00 ceiling=null remaining=null",
                "bassin-minier-2019 2020 cd-62 DEPARTEMENT committed=500000.00 ceiling=null remaining=null",
                "bassin-minier-2019 2020 prefet-region ETAT committed=1000000.00 ceiling=1000000.00 remaining=0.00");
        JsonNode first = report.get("lines").get(0);
        assertThat(first.get("departements")).extracting(JsonNode::asText).containsExactly("59", "62");
        assertThat(lines(report, line -> line.get("conventionId").asText().equals("nord-2020"))).containsExactly(
                "nord-2020 2020 prefet-59 ETAT committed=200000.00 ceiling=null remaining=null");
    }

    @Test
    void jsonMatchingIsMetWhenEachDepartementCommitsHalfOfTheState() {
        List<String> matching = matching(report(""), line -> line.get("conventionId").asText()
                .equals("bassin-minier-2019") && line.get("year").asInt() == 2020);

        assertThat(matching).containsExactly(
                "bassin-minier-2019 2020 prefet-region->cd-59 ratio=0.5 funder=1000000.00 matcher=500000.00"
                        + " required=500000.00 shortfall=0.00 matched=true",
                "bassin-minier-2019 2020 prefet-region->cd-62 ratio=0.5 funder=1000000.00 matcher=500000.00"
                        + " required=500000.00 shortfall=0.00 matched=true");
    }

    @Test
    void jsonMatchingShowsTheShortfallExactToTheCent() {
        JsonNode report = report("");

        assertThat(matching(report, line -> line.get("conventionId").asText().equals("bassin-minier-manque")))
                .containsExactly(
                        "bassin-minier-manque 2020 prefet-region->cd-59 ratio=0.5 funder=1000000.00"
                                + " matcher=333333.33 required=500000.00 shortfall=166666.67 matched=false",
                        "bassin-minier-manque 2020 prefet-region->cd-62 ratio=0.5 funder=1000000.00"
                                + " matcher=0.00 required=500000.00 shortfall=500000.00 matched=false");
        assertThat(matching(report, line -> line.get("conventionId").asText().equals("bassin-minier-2019")
                && line.get("year").asInt() == 2021)).containsExactly(
                "bassin-minier-2019 2021 prefet-region->cd-59 ratio=0.5 funder=250000.01 matcher=125000.01"
                        + " required=125000.01 shortfall=0.00 matched=true",
                "bassin-minier-2019 2021 prefet-region->cd-62 ratio=0.5 funder=250000.01 matcher=125000.00"
                        + " required=125000.01 shortfall=0.01 matched=false");
    }

    /**
     * R10: the report's amounts travel as decimal strings ("500000.00"), like every other answer of the service.
     */
    @Test
    void jsonAmountsOfTheReportAreDecimalStrings() {
        JsonNode report = report("");
        JsonNode line = report.get("lines").get(0);
        JsonNode matching = report.get("matching").get(0);

        assertThat(List.of(line.get("committed"), matching.get("funderCommitted"), matching.get("required"),
                matching.get("shortfall")))
                .as("amounts of %s and %s", line, matching)
                .allMatch(JsonNode::isTextual);
    }

    @Test
    void csvHasOneHeaderRowAndARowPerConventionPartyAndYear() {
        HttpApi.Answer answer = http.get("/api/reports/funds").as(REPORTER).accept("text/csv").send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).isEqualToIgnoringWhitespace("text/csv;charset=UTF-8");
        List<String> rows = csvRows(answer);
        assertThat(rows.get(0)).isEqualTo(CSV_HEADER);
        assertThat(rows).filteredOn(row -> row.startsWith("convention_id")).hasSize(1);
        assertThat(rows.subList(1, rows.size())).allSatisfy(row -> assertThat(fields(row)).hasSize(10));

        assertThat(rows).filteredOn(row -> row.startsWith("bassin-minier-2019,") && row.contains(",2020,"))
                .containsExactly(
                        "bassin-minier-2019,59 62,cd-59,DEPARTEMENT,2020,500000.00,,,MATCHED,0.00",
                        "bassin-minier-2019,59 62,cd-62,DEPARTEMENT,2020,500000.00,,,MATCHED,0.00",
                        "bassin-minier-2019,59 62,prefet-region,ETAT,2020,1000000.00,1000000.00,0.00,,");
        assertThat(rows).filteredOn(row -> row.startsWith("bassin-minier-2019,") && row.contains(",2021,"))
                .containsExactly(
                        "bassin-minier-2019,59 62,cd-59,DEPARTEMENT,2021,125000.01,,,MATCHED,0.00",
                        "bassin-minier-2019,59 62,cd-62,DEPARTEMENT,2021,125000.00,,,SHORTFALL,0.01",
                        "bassin-minier-2019,59 62,prefet-region,ETAT,2021,250000.01,,,,");
        assertThat(rows).contains("nord-2020,59,prefet-59,ETAT,2020,200000.00,,,,");
    }

    @Test
    void csvShowsAShortfallForAMatcherThatCommittedNothing() {
        List<String[]> manque = csvRows(http.get("/api/reports/funds").as(REPORTER).accept("text/csv").send()).stream()
                .filter(row -> row.startsWith("bassin-minier-manque,")).map(FundsReportIT::fields).toList();

        assertThat(manque).extracting(row -> row[2]).containsExactly("cd-59", "cd-62", "prefet-region");
        String[] cd59 = manque.get(0);
        assertThat(List.of(cd59[5], cd59[8], cd59[9])).containsExactly("333333.33", "SHORTFALL", "166666.67");
        String[] cd62 = manque.get(1);
        assertThat(cd62[4]).isEqualTo("2020");
        assertThat(List.of(cd62[5], cd62[8], cd62[9])).as("committed nothing")
                .containsExactly("0.00", "SHORTFALL", "500000.00");
    }

    /**
     * The CSV row of a matcher that committed nothing that year still names its role.
     */
    @Test
    void csvRowOfAMatcherThatCommittedNothingNamesItsRole() {
        String cd62 = csvRows(http.get("/api/reports/funds").as(REPORTER).accept("text/csv").send()).stream()
                .filter(row -> row.startsWith("bassin-minier-manque,59 62,cd-62,")).findFirst().orElseThrow();

        assertThat(cd62).isEqualTo("bassin-minier-manque,59 62,cd-62,DEPARTEMENT,2020,0.00,,,SHORTFALL,500000.00");
    }

    @Test
    void withoutAnAcceptHeaderTheReportIsJson() {
        HttpApi.Answer answer = http.get("/api/reports/funds").as(REPORTER).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("lines")).isNotEmpty();
    }

    /**
     * A party that matches two funders has one CSV row per year: it shows SHORTFALL if it falls short of either,
     * with the sum of what it lacks; the JSON shows each rule.
     */
    @Test
    void csvRowOfAPartyMatchingTwoFundersShowsItsShortfall() {
        assertThat(matching(report(""), line -> line.get("conventionId").asText()
                .equals("bassin-minier-deux-financeurs"))).containsExactly(
                "bassin-minier-deux-financeurs 2020 prefet-62->cd-62 ratio=1.0 funder=800000.00 matcher=60000.00"
                        + " required=800000.00 shortfall=740000.00 matched=false",
                "bassin-minier-deux-financeurs 2020 prefet-region->cd-62 ratio=0.5 funder=100000.00"
                        + " matcher=60000.00 required=50000.00 shortfall=0.00 matched=true");

        String cd62 = csvRows(http.get("/api/reports/funds").as(REPORTER).accept("text/csv").send()).stream()
                .filter(row -> row.startsWith("bassin-minier-deux-financeurs,59 62,cd-62,")).findFirst().orElseThrow();

        assertThat(fields(cd62)[8]).as(cd62).isEqualTo("SHORTFALL");
        assertThat(fields(cd62)[9]).as(cd62).isEqualTo("740000.00");
    }

    @Test
    void theYearFilterKeepsThatYearOnly() {
        JsonNode report = report("?year=2021");
        assertThat(report.get("lines")).isNotEmpty();
        assertThat(report.get("lines")).extracting(line -> line.get("year").asInt()).containsOnly(2021);
        assertThat(report.get("matching")).extracting(line -> line.get("year").asInt()).containsOnly(2021);
        assertThat(lines(report, line -> true)).containsExactly(
                "bassin-minier-2019 2021 cd-59 DEPARTEMENT committed=125000.01 ceiling=null remaining=null",
                "bassin-minier-2019 2021 cd-62 DEPARTEMENT committed=125000.00 ceiling=null remaining=null",
                "bassin-minier-2019 2021 prefet-region ETAT committed=250000.01 ceiling=null remaining=null");

        List<String> csv = csvRows(http.get("/api/reports/funds?year=2021").as(REPORTER).accept("text/csv").send());
        assertThat(csv.get(0)).isEqualTo(CSV_HEADER);
        assertThat(csv.subList(1, csv.size())).hasSize(3).allSatisfy(row -> assertThat(fields(row)[4])
                .isEqualTo("2021"));

        assertThat(report("?year=2019").get("lines")).isEmpty();
        assertThat(csvRows(http.get("/api/reports/funds?year=2019").as(REPORTER).accept("text/csv").send()))
                .as("only the header").containsExactly(CSV_HEADER);
    }

    @Test
    void theDepartementFilterKeepsTheConventionsOfThatDepartement() {
        JsonNode nord = report("?departement=59");
        assertThat(nord.get("lines")).extracting(line -> line.get("conventionId").asText())
                .contains("bassin-minier-2019", "bassin-minier-manque", "nord-2020");
        JsonNode pasDeCalais = report("?departement=62");
        assertThat(pasDeCalais.get("lines")).extracting(line -> line.get("conventionId").asText())
                .contains("bassin-minier-2019", "bassin-minier-manque").doesNotContain("nord-2020");
        assertThat(pasDeCalais.get("matching")).extracting(line -> line.get("conventionId").asText())
                .doesNotContain("nord-2020");
        assertThat(report("?departement=75").get("lines")).isEmpty();

        JsonNode both = report("?departement=59&year=2020");
        assertThat(lines(both, line -> line.get("conventionId").asText().equals("nord-2020"))).hasSize(1);
        assertThat(both.get("lines")).extracting(line -> line.get("year").asInt()).containsOnly(2020);

        List<String> csv = csvRows(http.get("/api/reports/funds?departement=62").as(REPORTER).accept("text/csv")
                .send());
        assertThat(csv).noneMatch(row -> row.startsWith("nord-2020,"));
        assertThat(csv).anyMatch(row -> row.startsWith("bassin-minier-2019,"));
    }

    @Test
    void badFiltersAreRefused() {
        for (String filter : List.of("year=abc", "year=1800", "departement=99", "departement=")) {
            HttpApi.Answer answer = http.get("/api/reports/funds?" + filter).as(REPORTER).send();
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.code()).as("%s", answer).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void reportersAndAuditorsReadTheReportAdministratorsDoNotAndNobodyAnonymously() {
        for (String accept : List.of("application/json", "text/csv")) {
            assertThat(http.get("/api/reports/funds").as(REPORTER).accept(accept).send().status()).as(accept)
                    .isEqualTo(200);
            assertThat(http.get("/api/reports/funds").as(AUDITOR).accept(accept).send().status()).as(accept)
                    .isEqualTo(200);

            // SecurityConfiguration: GET /api/reports/** needs REPORTER or AUDITOR; ADMIN alone does not have it.
            HttpApi.Answer admin = http.get("/api/reports/funds").as(ADMIN).accept(accept).send();
            assertThat(admin.status()).as("%s", admin).isEqualTo(403);
            assertThat(admin.contentType()).startsWith("application/problem+json");
            assertThat(admin.code()).isEqualTo("FORBIDDEN");

            HttpApi.Answer anonymous = http.get("/api/reports/funds").as(ANONYMOUS).accept(accept).send();
            assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(401);
            assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        }
    }

    private static void bassinMinierInForce(String id) {
        http.draft(bassinMinierDraft(id));
        for (String party : BASSIN_MINIER_PARTIES) {
            http.command("/api/conventions/" + id + "/signatures", bassinMinierSigns(party));
        }
    }

    private static long commit(String id, String party, int year, String amount, String committedOn) {
        return http.command("/api/conventions/" + id + "/commitments",
                commitment(party, year, amount, committedOn, null, null));
    }

    private static JsonNode report(String query) {
        HttpApi.Answer answer = http.get("/api/reports/funds" + query).as(REPORTER).accept("application/json").send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    private static List<String> lines(JsonNode report, Predicate<JsonNode> which) {
        List<String> lines = new ArrayList<>();
        report.get("lines").forEach(line -> {
            if (which.test(line)) {
                lines.add(line.get("conventionId").asText() + " " + line.get("year").asInt() + " "
                        + line.get("party").asText() + " " + line.get("partyRole").asText()
                        + " committed=" + line.get("committed").asText() + " ceiling=" + line.get("ceiling").asText()
                        + " remaining=" + line.get("remaining").asText());
            }
        });
        return lines;
    }

    private static List<String> matching(JsonNode report, Predicate<JsonNode> which) {
        List<String> lines = new ArrayList<>();
        report.get("matching").forEach(line -> {
            if (which.test(line)) {
                lines.add(line.get("conventionId").asText() + " " + line.get("year").asInt() + " "
                        + line.get("funder").asText() + "->" + line.get("matcher").asText()
                        + " ratio=" + line.get("ratio").asText()
                        + " funder=" + line.get("funderCommitted").asText()
                        + " matcher=" + line.get("matcherCommitted").asText()
                        + " required=" + line.get("required").asText()
                        + " shortfall=" + line.get("shortfall").asText()
                        + " matched=" + line.get("matched").asBoolean());
            }
        });
        return lines;
    }

    /** The rows of a CSV answer, each ended by CRLF (RFC 4180). */
    private static List<String> csvRows(HttpApi.Answer answer) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body()).endsWith("\r\n");
        assertThat(answer.body().replace("\r\n", "")).doesNotContain("\n");
        return Arrays.asList(answer.body().split("\r\n"));
    }

    /** The fields of a row that quotes nothing (none of these values holds a comma). */
    private static String[] fields(String row) {
        return row.split(",", -1);
    }
}
