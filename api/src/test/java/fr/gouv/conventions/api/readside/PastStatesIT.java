package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;

import static fr.gouv.conventions.api.readside.Bodies.pasDeCalais;
import static fr.gouv.conventions.api.readside.Bodies.pasDeCalaisFinancialAvenant;
import static fr.gouv.conventions.api.readside.Bodies.signature;
import static fr.gouv.conventions.api.readside.ReadSideHttp.ADMIN;
import static fr.gouv.conventions.api.readside.ReadSideHttp.AUDITOR;
import static fr.gouv.conventions.api.readside.ReadSideHttp.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conventions as they stood in the past ({@code GET /api/conventions/{id}?asOf=DATE}: the facts dated on or before a
 * business date) and as the service knew them at a past instant ({@code ?asKnownAt=INSTANT}: the events recorded by
 * then), over real HTTP, on the real Pas-de-Calais history of examples/real-history.sh: drafted on 1 Dec 2018 with a
 * financial avenant due by 31 Mar 2019, signed by both parties in Arras on 18 Dec 2018, a financial avenant signed
 * on 1 Apr 2019 (refused: too late), then the same signed on 31 Mar 2019 with the 2019 commitments.
 *
 * <p>Past states are replayed from the event store, not read from the eventually consistent projection: these tests
 * do not wait for the projection, and one of them shows that the answer comes while the projection is stopped.
 */
class PastStatesIT {

    private static final String ID = "pas-de-calais-2018";
    private static final String KNOWN = "pas-de-calais-known";

    @TempDir
    static Path dataDirectory;
    static ServiceInstance service;
    static ReadSideHttp http;

    /** Instants recorded between the commands on {@link #KNOWN}. */
    static Instant beforeDraft;
    static Instant afterDraft;
    static Instant afterFirstSignature;
    static Instant afterEverything;

    @BeforeAll
    static void recordTheRealHistory() throws InterruptedException {
        service = ServiceInstance.onEmbeddedDatabase(dataDirectory);
        http = new ReadSideHttp(service, dataDirectory);

        http.draft(pasDeCalais(ID));
        http.command("/api/conventions/" + ID + "/signatures", signature("prefet-62", "Fabien Sudry", "2018-12-18"));
        http.command("/api/conventions/" + ID + "/signatures", signature("cd-62", "Jean-Claude Leroy", "2018-12-18"));
        ReadSideHttp.Answer tooLate = http.post(ADMIN, "/api/conventions/" + ID + "/avenants",
                pasDeCalaisFinancialAvenant("2019-04-01"));
        assertThat(tooLate.code()).as("%s", tooLate).isEqualTo("AVENANT_DEADLINE_PASSED");
        assertThat(http.command("/api/conventions/" + ID + "/avenants", pasDeCalaisFinancialAvenant("2019-03-31")))
                .as("avenant, two commitments, the deadline fulfilled").isEqualTo(7);

        beforeDraft = between();
        http.draft(pasDeCalais(KNOWN));
        afterDraft = between();
        http.command("/api/conventions/" + KNOWN + "/signatures", signature("prefet-62", "Fabien Sudry", "2018-12-18"));
        afterFirstSignature = between();
        http.command("/api/conventions/" + KNOWN + "/signatures",
                signature("cd-62", "Jean-Claude Leroy", "2018-12-18"));
        http.command("/api/conventions/" + KNOWN + "/avenants", pasDeCalaisFinancialAvenant("2019-03-31"));
        afterEverything = between();
    }

    /** An instant strictly between what was recorded before and what will be recorded after. */
    private static Instant between() throws InterruptedException {
        Thread.sleep(25);
        Instant now = Instant.now();
        Thread.sleep(25);
        return now;
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void asOfTheFirstOfMarch2019TheConventionIsInForceAndItsDeadlineOpen() {
        JsonNode convention = asOf(ID, "2019-03-01");

        assertThat(convention.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(convention.get("seenOn").asText()).isEqualTo("2019-03-01");
        assertThat(convention.get("inForceOn").asText()).isEqualTo("2018-12-18");
        assertThat(convention.get("parties")).extracting(party -> party.get("signedOn").asText())
                .containsOnly("2018-12-18");
        JsonNode deadline = convention.get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("OPEN");
        assertThat(deadline.get("date").asText()).isEqualTo("2019-03-31");
        assertThat(convention.get("avenants")).isEmpty();
        assertThat(convention.get("funding")).isEmpty();
        assertThat(convention.get("matching")).isEmpty();
        assertThat(convention.get("version").asLong()).as("draft, two signatures, entry into force").isEqualTo(3);
    }

    @Test
    void asOfTheFirstOfApril2019TheAvenantHasFulfilledTheDeadlineAndSetTheFunding() {
        JsonNode convention = asOf(ID, "2019-04-01");

        assertThat(convention.get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(convention.get("avenants")).hasSize(1);
        JsonNode avenant = convention.get("avenants").get(0);
        assertThat(avenant.get("number").asInt()).isEqualTo(1);
        assertThat(avenant.get("kind").asText()).isEqualTo("FINANCIER");
        assertThat(avenant.get("signedOn").asText()).isEqualTo("2019-03-31");
        JsonNode deadline = convention.get("avenantDeadline");
        assertThat(deadline.get("state").asText()).isEqualTo("FULFILLED");
        assertThat(deadline.get("fulfilledByAvenant").asInt()).isEqualTo(1);
        assertThat(deadline.get("fulfilledOn").asText()).isEqualTo("2019-03-31");
        assertThat(convention.get("funding")).extracting(line -> line.get("party").asText() + " "
                        + line.get("year").asInt() + " " + line.get("committed").asText())
                .containsExactly("cd-62 2019 3000000.00", "prefet-62 2019 3000000.00");
        assertThat(convention.get("matching")).extracting(line -> line.get("matched").asBoolean())
                .containsExactly(true);
        assertThat(convention.get("version").asLong()).isEqualTo(7);
    }

    @Test
    void asOfTheDeadlineDayTheAvenantSignedThatDayCounts() {
        JsonNode convention = asOf(ID, "2019-03-31");

        assertThat(convention.get("avenantDeadline").get("state").asText()).isEqualTo("FULFILLED");
        assertThat(convention.get("avenants")).hasSize(1);
        assertThat(asOf(ID, "2019-03-30").get("avenants")).isEmpty();
    }

    @Test
    void asOfTheTenthOfDecember2018TheConventionIsDraftedButNotSigned() {
        JsonNode convention = asOf(ID, "2018-12-10");

        assertThat(convention.get("status").asText()).isEqualTo("DRAFT");
        assertThat(convention.get("draftedOn").asText()).isEqualTo("2018-12-01");
        assertThat(convention.get("inForceOn").isNull()).isTrue();
        assertThat(convention.get("parties")).extracting(party -> party.get("signedOn").isNull()).containsOnly(true);
        assertThat(convention.get("avenantDeadline").get("state").asText()).isEqualTo("OPEN");
        assertThat(convention.get("version").asLong()).isZero();
    }

    @Test
    void asOfADateBeforeTheDraftThereIsNoConvention() {
        ReadSideHttp.Answer answer = http.get(REPORTER, "/api/conventions/" + ID + "?asOf=2018-11-01");

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(http.get(REPORTER, "/api/conventions/no-such-convention?asOf=2019-03-01").status()).isEqualTo(404);
        assertThat(http.get(REPORTER, "/api/conventions/no-such-convention?asKnownAt=" + afterEverything).status())
                .isEqualTo(404);
    }

    @Test
    void asOfTodayTheConventionHasExpired() {
        String today = LocalDate.now(Clock.system(ZoneId.of("Europe/Paris"))).toString();

        JsonNode convention = asOf(ID, today);

        assertThat(convention.get("status").asText()).as("ended on 31 December 2021").isEqualTo("EXPIRED");
        assertThat(convention.get("version").asLong()).isEqualTo(7);
    }

    @Test
    void asKnownAtAnInstantBetweenTwoCommandsShowsWhatTheFirstOneRecorded() {
        JsonNode drafted = asKnownAt(KNOWN, afterDraft);
        assertThat(drafted.get("status").asText()).isEqualTo("DRAFT");
        assertThat(drafted.get("version").asLong()).isZero();
        assertThat(drafted.get("parties")).extracting(party -> party.get("signedOn").isNull()).containsOnly(true);

        JsonNode signedOnce = asKnownAt(KNOWN, afterFirstSignature);
        assertThat(signedOnce.get("status").asText()).isEqualTo("PARTIALLY_SIGNED");
        assertThat(signedOnce.get("version").asLong()).isEqualTo(1);
        assertThat(party(signedOnce, "prefet-62").get("signedOn").asText()).isEqualTo("2018-12-18");
        assertThat(party(signedOnce, "cd-62").get("signedOn").isNull()).isTrue();

        JsonNode everything = asKnownAt(KNOWN, afterEverything);
        assertThat(everything.get("version").asLong()).isEqualTo(7);
        assertThat(everything.get("avenants")).hasSize(1);
        assertThat(everything.get("avenantDeadline").get("state").asText()).isEqualTo("FULFILLED");
        assertThat(everything.get("status").asText()).as("seen on the day of that instant, after 2021")
                .isEqualTo("EXPIRED");
    }

    @Test
    void asKnownAtAnInstantBeforeTheDraftThereIsNoConvention() {
        ReadSideHttp.Answer answer = http.get(REPORTER, "/api/conventions/" + KNOWN + "?asKnownAt=" + beforeDraft);

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void asOfAndAsKnownAtTogetherAreRefused() {
        ReadSideHttp.Answer answer = http.get(REPORTER,
                "/api/conventions/" + ID + "?asOf=2019-03-01&asKnownAt=" + afterEverything);

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void malformedDatesAndInstantsAreRefused() {
        for (String query : List.of("asOf=2019-13-01", "asOf=yesterday", "asKnownAt=2019-03-01",
                "asKnownAt=not-an-instant")) {
            ReadSideHttp.Answer answer = http.get(REPORTER, "/api/conventions/" + ID + "?" + query);
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.code()).as("%s", answer).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void everyRoleReadsPastStates() {
        for (String user : List.of(REPORTER, AUDITOR, ADMIN)) {
            assertThat(http.get(user, "/api/conventions/" + ID + "?asOf=2019-03-01").status()).as(user)
                    .isEqualTo(200);
        }
    }

    /**
     * With the projection stopped, the current read model never sees a new convention, yet asOf and asKnownAt
     * answer at once: they replay the event store.
     */
    @Test
    void pastStatesAreReplayedFromTheEventStoreNotReadFromTheProjection() {
        String id = "while-projection-stopped";
        EventProcessor projection = service.bean(EventProcessingConfiguration.class)
                .eventProcessor("conventions-projection").orElseThrow();
        projection.shutDown();
        try {
            assertThat(projection.isRunning()).isFalse();
            http.draft(pasDeCalais(id));
            http.command("/api/conventions/" + id + "/signatures",
                    signature("prefet-62", "Fabien Sudry", "2018-12-18"));
            Instant afterSignature = Instant.now();

            JsonNode asOf = asOf(id, "2019-01-01");
            assertThat(asOf.get("status").asText()).isEqualTo("PARTIALLY_SIGNED");
            assertThat(asOf.get("version").asLong()).isEqualTo(1);
            assertThat(asKnownAt(id, afterSignature).get("version").asLong()).isEqualTo(1);
            assertThat(http.get(REPORTER, "/api/conventions/" + id).status())
                    .as("the projection, stopped, has not seen the convention").isEqualTo(404);
        } finally {
            projection.start();
        }
        http.awaitVersion(id, 1);
    }

    private static JsonNode asOf(String id, String date) {
        ReadSideHttp.Answer answer = http.get(REPORTER, "/api/conventions/" + id + "?asOf=" + date);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode asKnownAt(String id, Instant instant) {
        ReadSideHttp.Answer answer = http.get(REPORTER, "/api/conventions/" + id + "?asKnownAt=" + instant);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode party(JsonNode convention, String id) {
        return StreamSupport.stream(convention.get("parties").spliterator(), false)
                .filter(party -> party.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
