package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;

import static fr.gouv.conventions.api.fixture.Bodies.departementSigns;
import static fr.gouv.conventions.api.fixture.Bodies.financialAvenant;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static fr.gouv.conventions.api.fixture.Bodies.prefetSigns;
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static fr.gouv.conventions.api.fixture.HttpApi.AUDITOR;
import static fr.gouv.conventions.api.fixture.HttpApi.REPORTER;
import static fr.gouv.conventions.api.fixture.RecordingTime.between;
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
@OwnRunningService
class PastStatesIT {

    private static final String ID = "pas-de-calais-2018";
    private static final String KNOWN = "pas-de-calais-known";

    static ServiceInstance service;
    static HttpApi http;

    /** Instants recorded between the commands on {@link #KNOWN}. */
    static Instant beforeDraft;
    static Instant afterDraft;
    static Instant afterFirstSignature;
    static Instant afterEverything;

    @BeforeAll
    static void recordTheRealHistory() throws InterruptedException {
        http.draft(pasDeCalaisDraft(ID));
        http.command("/api/conventions/" + ID + "/signatures", prefetSigns());
        http.command("/api/conventions/" + ID + "/signatures", departementSigns());
        HttpApi.Answer tooLate = http.post("/api/conventions/" + ID + "/avenants").as(ADMIN)
                .json(financialAvenant("2019-04-01")).send();
        assertThat(tooLate.code()).as("%s", tooLate).isEqualTo("AVENANT_DEADLINE_PASSED");
        assertThat(http.command("/api/conventions/" + ID + "/avenants", financialAvenant("2019-03-31")))
                .as("avenant, two commitments, the deadline fulfilled").isEqualTo(7);

        beforeDraft = between();
        http.draft(pasDeCalaisDraft(KNOWN));
        afterDraft = between();
        http.command("/api/conventions/" + KNOWN + "/signatures", prefetSigns());
        afterFirstSignature = between();
        http.command("/api/conventions/" + KNOWN + "/signatures", departementSigns());
        http.command("/api/conventions/" + KNOWN + "/avenants", financialAvenant("2019-03-31"));
        afterEverything = between();
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
        HttpApi.Answer answer = http.get("/api/conventions/" + ID + "?asOf=2018-11-01").as(REPORTER).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/conventions/no-such-convention?asOf=2019-03-01").as(REPORTER).send().status())
                .isEqualTo(404);
        assertThat(http.get("/api/conventions/no-such-convention?asKnownAt=" + afterEverything).as(REPORTER).send()
                .status())
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
        HttpApi.Answer answer = http.get("/api/conventions/" + KNOWN + "?asKnownAt=" + beforeDraft).as(REPORTER).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void asOfAndAsKnownAtTogetherAreRefused() {
        HttpApi.Answer answer = http.get("/api/conventions/" + ID + "?asOf=2019-03-01&asKnownAt=" + afterEverything)
                .as(REPORTER).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void malformedDatesAndInstantsAreRefused() {
        for (String query : List.of("asOf=2019-13-01", "asOf=yesterday", "asKnownAt=2019-03-01",
                "asKnownAt=not-an-instant")) {
            HttpApi.Answer answer = http.get("/api/conventions/" + ID + "?" + query).as(REPORTER).send();
            assertThat(answer.status()).as("%s", answer).isEqualTo(400);
            assertThat(answer.code()).as("%s", answer).isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void everyRoleReadsPastStates() {
        for (String user : List.of(REPORTER, AUDITOR, ADMIN)) {
            assertThat(http.get("/api/conventions/" + ID + "?asOf=2019-03-01").as(user).send().status()).as(user)
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
            http.draft(pasDeCalaisDraft(id));
            http.command("/api/conventions/" + id + "/signatures", prefetSigns());
            Instant afterSignature = Instant.now();

            JsonNode asOf = asOf(id, "2019-01-01");
            assertThat(asOf.get("status").asText()).isEqualTo("PARTIALLY_SIGNED");
            assertThat(asOf.get("version").asLong()).isEqualTo(1);
            assertThat(asKnownAt(id, afterSignature).get("version").asLong()).isEqualTo(1);
            assertThat(http.get("/api/conventions/" + id).as(REPORTER).send().status())
                    .as("the projection, stopped, has not seen the convention").isEqualTo(404);
        } finally {
            projection.start();
        }
        http.awaitVersion(id, 1);
    }

    private static JsonNode asOf(String id, String date) {
        HttpApi.Answer answer = http.get("/api/conventions/" + id + "?asOf=" + date).as(REPORTER).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode asKnownAt(String id, Instant instant) {
        HttpApi.Answer answer = http.get("/api/conventions/" + id + "?asKnownAt=" + instant).as(REPORTER).send();
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode party(JsonNode convention, String id) {
        return StreamSupport.stream(convention.get("parties").spliterator(), false)
                .filter(party -> party.get("id").asText().equals(id)).findFirst().orElseThrow();
    }
}
