package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.JsonBody;
import fr.gouv.conventions.api.fixture.Paths;
import fr.gouv.conventions.api.fixture.RunningService;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.Euros;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.api.fixture.Answers.assertAccepted;
import static fr.gouv.conventions.api.fixture.Answers.assertRefused;
import static fr.gouv.conventions.api.fixture.Bodies.bassinMinierDraft;
import static fr.gouv.conventions.api.fixture.Bodies.commitment;
import static fr.gouv.conventions.api.fixture.Bodies.deadlineExtension;
import static fr.gouv.conventions.api.fixture.Bodies.departementSigns;
import static fr.gouv.conventions.api.fixture.Bodies.financialAvenant;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraftWithStateCeiling;
import static fr.gouv.conventions.api.fixture.Bodies.prefetSigns;
import static fr.gouv.conventions.api.fixture.Bodies.prolongation;
import static fr.gouv.conventions.api.fixture.Bodies.signature;
import static fr.gouv.conventions.api.fixture.Bodies.stateCommits;
import static fr.gouv.conventions.api.fixture.Bodies.termination;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The six command endpoints over real HTTP, against the application on its embedded PostgreSQL: what each answers
 * when it accepts a command (status, Location, ETag, body, and the events stored with who and which correlation
 * id), and every domain refusal reachable over HTTP with its status and code, storing nothing.
 */
@RunningService
class CommandEndpointsIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static ServiceInstance service;
    static HttpApi api;

    // --- accepted commands -------------------------------------------------------------------------------------

    @Test
    void aDraftIsAnswered201WithItsLocationETagZeroAndItsIdAndVersion() {
        HttpApi.Answer drafted = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("endpoints-pas-de-calais")).send();

        assertAccepted(drafted, 201, "endpoints-pas-de-calais", 0);
        assertThat(drafted.header("Location")).endsWith("/api/conventions/endpoints-pas-de-calais");
        assertThat(drafted.json().size()).as("only conventionId and version").isEqualTo(2);
        assertThat(payloadTypes("endpoints-pas-de-calais")).containsExactly("ConventionDrafted");
    }

    @Test
    void anAnswerAndARefusalLeaveWholeWithTheirLengthRatherThanChunked() {
        HttpApi.Answer drafted = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("whole-answers")).send();
        HttpApi.Answer refused = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("whole-answers")).send();

        assertThat(refused.status()).isEqualTo(409);
        for (HttpApi.Answer answer : List.of(drafted, refused)) {
            assertThat(answer.header("Transfer-Encoding")).as("Transfer-Encoding of %s", answer).isNull();
            assertThat(answer.header("Content-Length")).as("Content-Length of %s", answer)
                    .isEqualTo(String.valueOf(answer.body().getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void aDraftWithoutIdGetsAnIdAssignedByTheServer() {
        HttpApi.Answer drafted = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("unused").remove("id")).send();

        String id = drafted.json().path("conventionId").asText();
        assertThat(id).matches("[a-z0-9-]{3,64}");
        assertAccepted(drafted, 201, id, 0);
        assertThat(drafted.header("Location")).endsWith("/api/conventions/" + id);
        assertThat(payloadTypes(id)).containsExactly("ConventionDrafted");
    }

    @Test
    void eachSignatureAnswersTheNewVersionAndTheLastOneCountsTheEntryIntoForce() {
        String id = "signatures-in-arras";
        draft(id);

        assertAccepted(api.post(Paths.signatures(id)).json(prefetSigns()).send(), 200, id, 1);
        assertAccepted(api.post(Paths.signatures(id)).json(departementSigns()).send(), 200, id, 3);

        assertThat(payloadTypes(id)).containsExactly("ConventionDrafted", "ConventionSigned", "ConventionSigned",
                "ConventionEnteredIntoForce");
    }

    @Test
    void aFinancialAvenantIsAnsweredWithTheVersionAfterItsCommitmentsAndTheFulfilledDeadline() {
        String id = "avenant-accepted";
        inForce(id);

        assertAccepted(api.post(Paths.avenants(id)).json(financialAvenant("2019-03-15")).send(), 200, id, 7);

        assertThat(payloadTypes(id).subList(4, 8)).containsExactly("AvenantSigned", "FundsCommitted",
                "FundsCommitted", "AvenantDeadlineFulfilled");
        assertThat(((FundsCommitted) service.events(id).get(5).getPayload()).amount())
                .isEqualTo(Euros.of("3000000.00"));
    }

    @Test
    void aProlongationAvenantMovesTheEndDateLater() {
        String id = "prolonged";
        inForce(id);

        assertAccepted(api.post(Paths.avenants(id)).json(prolongation("2021-11-30", "2022-12-31")).send(), 200, id, 4);

        AvenantSigned signed = (AvenantSigned) service.events(id).get(4).getPayload();
        assertThat(signed.previousEndDate()).isEqualTo(LocalDate.of(2021, 12, 31));
        assertThat(signed.newEndDate()).isEqualTo(LocalDate.of(2022, 12, 31));
    }

    @Test
    void anOpenDeadlineIsExtendedAndBothDatesAreRecorded() {
        String id = "deadline-extended";
        draft(id);

        assertAccepted(api.post(Paths.deadlineExtensions(id)).json(deadlineExtension("2019-06-30")).send(), 200, id, 1);

        AvenantDeadlineExtended extended = (AvenantDeadlineExtended) service.events(id).get(1).getPayload();
        assertThat(extended.previousDeadline()).isEqualTo(LocalDate.of(2019, 3, 31));
        assertThat(extended.newDeadline()).isEqualTo(LocalDate.of(2019, 6, 30));
    }

    @Test
    void fundsCommittedByAPartyAreAnsweredWithTheNewVersion() {
        String id = "funds-committed";
        inForce(id);

        assertAccepted(api.post(Paths.commitments(id)).json(stateCommits("500000.00").set("axis", "SORTIE_ASE")).send(),
                200, id, 4);

        FundsCommitted committed = (FundsCommitted) service.events(id).get(4).getPayload();
        assertThat(committed.party()).isEqualTo("prefet-62");
        assertThat(committed.year()).isEqualTo(2019);
        assertThat(committed.amount()).isEqualTo(Euros.of("500000.00"));
        assertThat(committed.axis()).isEqualTo("SORTIE_ASE");
        assertThat(committed.committedOn()).isEqualTo(LocalDate.of(2019, 4, 15));
    }

    @Test
    void aConventionIsTerminated() {
        String id = "terminated";
        inForce(id);

        assertAccepted(api.post(Paths.termination(id)).json(termination("2021-06-30")).send(), 200, id, 4);

        assertThat(service.events(id).get(4).getPayload())
                .isEqualTo(new ConventionTerminated(id, LocalDate.of(2021, 6, 30),
                        "Fin de la stratégie nationale, remplacée par le Pacte des solidarités"));
    }

    // --- correlation ids and actors ----------------------------------------------------------------------------

    @Test
    void theCorrelationIdGivenIsEchoedAndRecordedWithTheAuthenticatedActorOnEveryEventOfTheCommand() {
        String id = "correlated";
        draft(id);
        api.post(Paths.signatures(id)).json(prefetSigns()).send();

        HttpApi.Answer signed = api.post(Paths.signatures(id)).correlationId("arras-2018-12-18.cd-62")
                .json(departementSigns()).send();

        assertThat(signed.header("X-Correlation-Id")).isEqualTo("arras-2018-12-18.cd-62");
        List<? extends DomainEventMessage<?>> events = service.events(id);
        assertThat(events.subList(2, 4)).extracting(event -> event.getPayloadType().getSimpleName())
                .containsExactly("ConventionSigned", "ConventionEnteredIntoForce");
        assertThat(events.subList(2, 4)).allSatisfy(event -> assertThat(event.getMetaData())
                .containsEntry("actor", "admin")
                .containsEntry("correlationId", "arras-2018-12-18.cd-62"));
        assertThat(storedMetadata(id, 3)).containsEntry("actor", "admin")
                .containsEntry("correlationId", "arras-2018-12-18.cd-62");
    }

    @Test
    void aCorrelationIdIsGeneratedWhenNoneIsGivenReturnedAndRecordedOnTheEvents() {
        String id = "generated-correlation";

        HttpApi.Answer drafted = api.post(Paths.DRAFTS).json(pasDeCalaisDraft(id)).send();

        String generated = drafted.header("X-Correlation-Id");
        assertThat(generated).matches(UUID_SHAPE);
        assertThat(service.events(id).get(0).getMetaData())
                .containsEntry("actor", "admin")
                .containsEntry("correlationId", generated);
    }

    @Test
    void twoRequestsWithoutCorrelationIdGetDifferentOnes() {
        HttpApi.Answer first = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("first-of-two")).send();
        HttpApi.Answer second = api.post(Paths.DRAFTS).json(pasDeCalaisDraft("second-of-two")).send();

        assertThat(first.header("X-Correlation-Id")).isNotEqualTo(second.header("X-Correlation-Id"));
    }

    // --- domain refusals, each storing nothing -----------------------------------------------------------------

    @Test
    void aPartySigningTwiceIsRefusedWithAlreadySigned409() {
        String id = "signed-twice";
        draft(id);
        api.post(Paths.signatures(id)).json(prefetSigns()).send();

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.signatures(id)).json(prefetSigns()).send(),
                409, "ALREADY_SIGNED");

        assertThat(refused.json().path("conventionId").asText()).isEqualTo(id);
        assertThat(refused.json().path("facts").path("party").asText()).isEqualTo("prefet-62");
    }

    @Test
    void aSignatureByWhoIsNotAPartyIsRefusedWithNotAParty422() {
        String id = "not-a-party";
        draft(id);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.signatures(id))
                .json(signature("cd-59", "Président du conseil départemental du Nord", "2018-12-18")).send(),
                422, "NOT_A_PARTY");

        assertThat(refused.json().path("facts").path("party").asText()).isEqualTo("cd-59");
    }

    @Test
    void aSignatureDatedAfterTodayIsRefusedWithDateInFuture422() {
        String id = "signed-in-future";
        draft(id);
        String nextWeek = LocalDate.now(PARIS).plusDays(7).toString();

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.signatures(id))
                .json(prefetSigns().set("signedOn", nextWeek)).send(), 422, "DATE_IN_FUTURE");

        assertThat(refused.json().path("facts").path("date").asText()).isEqualTo(nextWeek);
    }

    @Test
    void fundsCommittedToAConventionNotYetInForceAreRefusedWithNotInForce409() {
        String id = "not-in-force";
        draft(id);
        api.post(Paths.signatures(id)).json(prefetSigns()).send();

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.commitments(id))
                .json(stateCommits("1000.00")).send(), 409, "NOT_IN_FORCE");

        assertThat(refused.json().path("facts").path("awaitingSignatureOf").toString()).isEqualTo("[\"cd-62\"]");
    }

    @Test
    void fundsCommittedOnADateBeforeTheEntryIntoForceAreRefusedWithDateBeforeEntryIntoForce422() {
        String id = "committed-too-early";
        inForce(id);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.commitments(id))
                .json(commitment("prefet-62", 2019, "1000.00", "2018-12-17")).send(),
                422, "DATE_BEFORE_ENTRY_INTO_FORCE");

        assertThat(refused.json().path("facts").path("inForceOn").asText()).isEqualTo("2018-12-18");
    }

    @Test
    void pasDeCalaisFinancialAvenantSignedOn1April2019IsRefusedAfterItsDeadlineButOneSignedOn31MarchIsAccepted() {
        String id = "pas-de-calais-avenant";
        assertAccepted(api.post(Paths.DRAFTS).json(pasDeCalaisDraft(id)).send(), 201, id, 0);
        assertAccepted(api.post(Paths.signatures(id)).json(prefetSigns()).send(), 200, id, 1);
        assertAccepted(api.post(Paths.signatures(id)).json(departementSigns()).send(), 200, id, 3);

        HttpApi.Answer late = assertRefused(service, () -> api.post(Paths.avenants(id))
                .json(financialAvenant("2019-04-01")).send(), 422, "AVENANT_DEADLINE_PASSED");
        assertThat(late.json().path("facts").path("deadline").asText()).isEqualTo("2019-03-31");
        assertThat(late.json().path("detail").asText()).contains("2019-03-31");

        assertAccepted(api.post(Paths.avenants(id)).json(financialAvenant("2019-03-31")).send(), 200, id, 7);
        assertThat(payloadTypes(id)).endsWith("AvenantSigned", "FundsCommitted", "FundsCommitted",
                "AvenantDeadlineFulfilled");
    }

    @Test
    void aCommitmentOverThePartysCeilingIsRefusedWithCeilingExceededNamingWhatRemains() {
        String id = "ceiling";
        inForce(id, pasDeCalaisDraftWithStateCeiling(id));
        assertAccepted(api.post(Paths.commitments(id)).json(stateCommits("3000000.00")).send(), 200, id, 4);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.commitments(id))
                .json(stateCommits("333333.34")).send(), 422, "CEILING_EXCEEDED");
        JsonNode facts = refused.json().path("facts");
        assertThat(facts.path("remaining").asText()).isEqualTo("333333.33");
        assertThat(facts.path("ceiling").asText()).isEqualTo("3333333.33");
        assertThat(facts.path("requested").asText()).isEqualTo("333333.34");

        assertAccepted(api.post(Paths.commitments(id)).json(stateCommits("333333.33")).send(), 200, id, 5);
    }

    @Test
    void aProlongationWhoseEndIsNotLaterIsRefusedWithEndDateNotLater422() {
        String id = "prolonged-backwards";
        inForce(id);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.avenants(id))
                .json(prolongation("2021-11-30", "2021-12-31")).send(), 422, "END_DATE_NOT_LATER");

        assertThat(refused.json().path("facts").path("currentEndDate").asText()).isEqualTo("2021-12-31");
    }

    @Test
    void extendingTheDeadlineOfAConventionWithoutOneIsRefusedWithNoOpenDeadline409() {
        String id = "endpoints-bassin-minier";
        assertAccepted(api.post(Paths.DRAFTS).json(bassinMinierDraft(id)).send(), 201, id, 0);

        assertRefused(service, () -> api.post(Paths.deadlineExtensions(id)).json(deadlineExtension("2019-09-30"))
                .send(), 409, "NO_OPEN_DEADLINE");
    }

    @Test
    void extendingAFulfilledDeadlineIsRefusedWithNoOpenDeadline409() {
        String id = "deadline-fulfilled";
        inForce(id);
        api.post(Paths.avenants(id)).json(financialAvenant("2019-03-31")).send();

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.deadlineExtensions(id))
                .json(deadlineExtension("2019-06-30")).send(), 409, "NO_OPEN_DEADLINE");

        assertThat(refused.json().path("facts").path("state").asText()).isEqualTo("FULFILLED");
    }

    @Test
    void extendingTheDeadlineToAnEarlierDateIsRefusedWithDeadlineNotLater422() {
        String id = "deadline-earlier";
        draft(id);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.deadlineExtensions(id))
                .json(deadlineExtension("2019-03-31")).send(), 422, "DEADLINE_NOT_LATER");

        assertThat(refused.json().path("facts").path("deadline").asText()).isEqualTo("2019-03-31");
    }

    @Test
    void fundsCommittedForAYearOutsideThePeriodAreRefusedWithYearOutsidePeriod422() {
        String id = "year-outside";
        inForce(id);

        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.commitments(id))
                .json(commitment("cd-62", 2022, "500000.00", "2019-04-15")).send(), 422, "YEAR_OUTSIDE_PERIOD");

        assertThat(refused.json().path("facts").path("year").asInt()).isEqualTo(2022);
    }

    @Test
    void everyCommandOnATerminatedConventionIsRefusedWithConventionTerminated409() {
        String id = "terminated-then-commanded";
        draft(id);
        api.post(Paths.signatures(id)).json(prefetSigns()).send();
        assertAccepted(api.post(Paths.termination(id)).json(termination("2019-01-15")).send(), 200, id, 2);

        for (var command : Map.of(
                Paths.signatures(id), departementSigns(),
                Paths.avenants(id), financialAvenant("2019-03-31"),
                Paths.deadlineExtensions(id), deadlineExtension("2019-06-30"),
                Paths.commitments(id), stateCommits("1000.00"),
                Paths.termination(id), termination("2019-02-01")).entrySet()) {
            HttpApi.Answer refused = assertRefused(service, () -> api.post(command.getKey()).json(command.getValue())
                    .send(), 409, "CONVENTION_TERMINATED");
            assertThat(refused.json().path("facts").path("terminatedOn").asText()).isEqualTo("2019-01-15");
        }
    }

    @Test
    void aDraftNamingTheSamePartyTwiceIsRefusedWithDuplicateParty422() {
        HttpApi.Answer refused = assertRefused(service, () -> api.post(Paths.DRAFTS)
                .json(pasDeCalaisDraft("same-party-twice").set("parties/1/id", "prefet-62")).send(),
                422, "DUPLICATE_PARTY");

        assertThat(refused.json().path("facts").path("party").asText()).isEqualTo("prefet-62");
        assertThat(service.events("same-party-twice")).isEmpty();
    }

    @Test
    void aSecondDraftWithTheSameIdIsRefusedWithAlreadyExists409() {
        draft("endpoints-drafted-twice");

        assertRefused(service, () -> api.post(Paths.DRAFTS).json(bassinMinierDraft("endpoints-drafted-twice")).send(),
                409, "ALREADY_EXISTS");

        assertThat(payloadTypes("endpoints-drafted-twice")).containsExactly("ConventionDrafted");
    }

    @Test
    void everyCommandOnAnUnknownConventionIsRefusedWithNotFound404() {
        String id = "never-drafted";
        for (var command : Map.of(
                Paths.signatures(id), prefetSigns(),
                Paths.avenants(id), financialAvenant("2019-03-31"),
                Paths.deadlineExtensions(id), deadlineExtension("2019-06-30"),
                Paths.commitments(id), stateCommits("1000.00"),
                Paths.termination(id), termination("2019-02-01")).entrySet()) {
            assertRefused(service, () -> api.post(command.getKey()).json(command.getValue()).send(), 404, "NOT_FOUND");
        }
        assertThat(service.events(id)).isEmpty();
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static void draft(String id) {
        assertAccepted(api.post(Paths.DRAFTS).json(pasDeCalaisDraft(id)).send(), 201, id, 0);
    }

    /** The Pas-de-Calais convention, drafted and signed by both parties in Arras: in force since 18 Dec 2018. */
    private static void inForce(String id) {
        inForce(id, pasDeCalaisDraft(id));
    }

    private static void inForce(String id, JsonBody draft) {
        api.pasDeCalaisInForce(id, draft);
        assertThat(service.events(id).get(2).getPayload()).isInstanceOf(ConventionSigned.class);
    }

    private static List<String> payloadTypes(String id) {
        return service.events(id).stream().map(event -> event.getPayloadType().getSimpleName()).toList();
    }

    /** The metadata of a stored event as the row holds it: Jackson JSON in a bytea column. */
    private static Map<String, Object> storedMetadata(String id, long sequenceNumber) {
        byte[] metadata = service.jdbc().queryForObject(
                "select metadata from domainevententry where aggregateidentifier = ? and sequencenumber = ?",
                byte[].class, id, sequenceNumber);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = HttpApi.JSON.readValue(new String(metadata, StandardCharsets.UTF_8), Map.class);
            return map;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
