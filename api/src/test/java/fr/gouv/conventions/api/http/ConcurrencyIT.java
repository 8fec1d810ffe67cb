package fr.gouv.conventions.api.http;

import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.Bodies;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.JsonBody;
import fr.gouv.conventions.api.fixture.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static fr.gouv.conventions.api.fixture.Answers.assertAccepted;
import static fr.gouv.conventions.api.fixture.Answers.assertProblem;
import static fr.gouv.conventions.api.fixture.Answers.assertRefused;
import static fr.gouv.conventions.api.fixture.Bodies.financialAvenant;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static fr.gouv.conventions.api.fixture.Bodies.stateCommits;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency and idempotency over HTTP: If-Match on a stale version is refused with 412, a race on one
 * version lets exactly one command through, and a request sent again with its Idempotency-Key (one after the
 * other, all at once, or after a restart) is applied once and answered the same.
 * Two administrators, {@code admin} and {@code second-admin}, are configured so that keys of two people can be
 * told apart.
 */
class ConcurrencyIT {

    private static final int CLIENTS = 16;
    private static final String SECOND_ADMIN_PASSWORD = "le-second-administrateur";
    private static final String[] USERS = {
            "--conventions.security.users[0].name=admin",
            "--conventions.security.users[0].password-hash={noop}" + "l-administrateur",
            "--conventions.security.users[0].roles=ADMIN",
            "--conventions.security.users[1].name=second-admin",
            "--conventions.security.users[1].password-hash={noop}" + SECOND_ADMIN_PASSWORD,
            "--conventions.security.users[1].roles=ADMIN"};

    @TempDir
    static Path dataDirectory;
    static ServiceInstance service;
    static HttpApi api;

    @BeforeAll
    static void start() {
        service = ServiceInstance.onEmbeddedDatabase(dataDirectory, USERS);
        api = new HttpApi(service, "admin", "l-administrateur");
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    // --- If-Match ----------------------------------------------------------------------------------------------

    @Test
    void aCommandWithTheCurrentETagIsAcceptedAndAnswersTheNextOne() {
        String id = api.pasDeCalaisInForce("if-match-current");

        HttpApi.Answer committed = api.post(Paths.commitments(id)).ifMatch("\"3\"").json(stateCommits("1000.00"))
                .send();

        assertAccepted(committed, 200, id, 4);
        assertAccepted(api.post(Paths.commitments(id)).ifMatch(committed.etag()).json(stateCommits("1000.00")).send(),
                200, id, 5);
    }

    @Test
    void aCommandWithAnOlderETagIsRefusedWithVersionMismatch412AndStoresNothing() {
        String id = api.pasDeCalaisInForce("if-match-stale");
        assertAccepted(api.post(Paths.commitments(id)).ifMatch("\"3\"").json(stateCommits("1000.00")).send(),
                200, id, 4);

        HttpApi.Answer stale = assertRefused(service, () -> api.post(Paths.commitments(id)).ifMatch("\"3\"")
                .json(stateCommits("2000.00")).send(), 412, "VERSION_MISMATCH");

        assertThat(stale.json().path("expectedVersion").asLong()).isEqualTo(3);
        assertThat(stale.json().path("actualVersion").asLong()).isEqualTo(4);
        assertThat(service.events(id)).hasSize(5);
    }

    @Test
    void aCommandWithAVersionNotYetReachedIsRefusedWithVersionMismatch412() {
        String id = api.pasDeCalaisInForce("if-match-ahead");

        assertRefused(service, () -> api.post(Paths.commitments(id)).ifMatch("\"9\"").json(stateCommits("1000.00"))
                .send(), 412, "VERSION_MISMATCH");
    }

    @Test
    void aCommandWithIfMatchStarIsAcceptedWhateverTheVersion() {
        String id = api.pasDeCalaisInForce("if-match-star");

        assertAccepted(api.post(Paths.commitments(id)).ifMatch("*").json(stateCommits("1000.00")).send(), 200, id, 4);
    }

    @Test
    void ofConcurrentCommandsOnTheSameVersionExactlyOneIsStoredAndTheOthersAreRefused() throws Exception {
        String id = api.pasDeCalaisInForce("race-on-version-3");

        List<HttpApi.Answer> answers = allAtOnce(n -> api.post(Paths.commitments(id)).ifMatch("\"3\"")
                .json(stateCommits("1000.00").set("action", "client " + n)));

        assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1)
                .allSatisfy(answer -> assertAccepted(answer, 200, id, 4));
        assertThat(answers).filteredOn(answer -> answer.status() != 200).hasSize(CLIENTS - 1)
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(409, 412))
                .allSatisfy(answer -> assertProblem(answer, answer.status(),
                        answer.status() == 412 ? "VERSION_MISMATCH" : "CONFLICT"));
        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    // --- Idempotency-Key ---------------------------------------------------------------------------------------

    @Test
    void aCommandSentTwiceWithTheSameKeyIsAppliedOnceAndAnsweredTheSame() {
        String id = api.pasDeCalaisInForce("retried-commitment");

        HttpApi.Answer first = api.post(Paths.commitments(id)).idempotencyKey("pas-de-calais:2019:etat:1")
                .json(stateCommits("1000000.00")).send();
        HttpApi.Answer again = api.post(Paths.commitments(id)).idempotencyKey("pas-de-calais:2019:etat:1")
                .json(stateCommits("1000000.00")).send();

        assertAccepted(first, 200, id, 4);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    @Test
    void aKeyIsNotSpentByACommandWhoseEventsWereNotStored() {
        String id = api.pasDeCalaisInForce("events-not-stored");
        service.jdbc().execute("""
                create function refuse_events_of_one_convention() returns trigger language plpgsql as $$
                begin
                    if new.aggregateidentifier = 'events-not-stored' then raise exception 'refused by the test'; end if;
                    return new;
                end $$""");
        service.jdbc().execute("""
                create trigger refuse_events_of_one_convention before insert on domainevententry
                   for each row execute function refuse_events_of_one_convention()""");
        HttpApi.Answer failed;
        try {
            failed = api.post(Paths.commitments(id)).idempotencyKey("not-stored").json(stateCommits("1000.00")).send();
        } finally {
            service.jdbc().execute("drop trigger refuse_events_of_one_convention on domainevententry");
            service.jdbc().execute("drop function refuse_events_of_one_convention()");
        }

        assertProblem(failed, 500, "INTERNAL_ERROR");
        assertAccepted(api.post(Paths.commitments(id)).idempotencyKey("not-stored").json(stateCommits("1000.00"))
                .send(), 200, id, 4);
        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    @Test
    void aDraftWithoutIdSentTwiceWithTheSameKeyCreatesOneConvention() {
        long drafts = drafts();

        HttpApi.Answer first = api.post(Paths.DRAFTS).idempotencyKey("draft-without-id")
                .json(pasDeCalaisDraft("unused").remove("id")).send();
        HttpApi.Answer again = api.post(Paths.DRAFTS).idempotencyKey("draft-without-id")
                .json(pasDeCalaisDraft("unused").remove("id")).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(drafts()).isEqualTo(drafts + 1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWithIdempotencyKeyReusedAndStoresNothing() {
        String id = api.pasDeCalaisInForce("key-reused");
        assertAccepted(api.post(Paths.commitments(id)).idempotencyKey("commitment-1").json(stateCommits("1000.00"))
                .send(), 200, id, 4);

        assertRefused(service, () -> api.post(Paths.commitments(id)).idempotencyKey("commitment-1")
                .json(stateCommits("2000.00")).send(), 422, "IDEMPOTENCY_KEY_REUSED");
        assertRefused(service, () -> api.post(Paths.avenants(id)).idempotencyKey("commitment-1")
                .json(financialAvenant("2019-03-31")).send(), 422, "IDEMPOTENCY_KEY_REUSED");

        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    @Test
    void aRefusedCommandSentAgainWithItsKeyGetsItsFirstRefusalEvenAfterTheConventionChanged() {
        String id = api.pasDeCalaisInForce("refusal-remembered");
        assertRefused(service, () -> api.post(Paths.avenants(id)).idempotencyKey("late-avenant")
                .json(financialAvenant("2019-04-01")).send(), 422, "AVENANT_DEADLINE_PASSED");
        assertAccepted(api.post(Paths.deadlineExtensions(id)).json(Bodies.deadlineExtension("2019-06-30")).send(),
                200, id, 4);

        HttpApi.Answer again = assertRefused(service, () -> api.post(Paths.avenants(id)).idempotencyKey("late-avenant")
                .json(financialAvenant("2019-04-01")).send(), 422, "AVENANT_DEADLINE_PASSED");

        assertThat(again.json().path("facts").path("deadline").asText()).isEqualTo("2019-03-31");
        assertAccepted(api.post(Paths.avenants(id)).idempotencyKey("late-avenant-after-extension")
                .json(financialAvenant("2019-04-01")).send(), 200, id, 8);
    }

    @Test
    void concurrentRequestsWithTheSameKeyAndBodyAreAllAnsweredAlikeAndAppliedOnce() throws Exception {
        String id = api.pasDeCalaisInForce("concurrent-retries");

        List<HttpApi.Answer> answers = allAtOnce(n -> api.post(Paths.commitments(id))
                .idempotencyKey("concurrent-commitment").json(stateCommits("1000.00")));

        assertThat(answers).allSatisfy(answer -> assertAccepted(answer, 200, id, 4));
        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    @Test
    void concurrentDraftsWithoutIdAndWithTheSameKeyCreateOneConvention() throws Exception {
        long drafts = drafts();

        List<HttpApi.Answer> answers = allAtOnce(n -> api.post(Paths.DRAFTS).idempotencyKey("concurrent-draft")
                .json(pasDeCalaisDraft("unused").remove("id")));

        String location = answers.get(0).header("Location");
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
            assertThat(answer.header("Location")).isEqualTo(location);
        });
        assertThat(drafts()).isEqualTo(drafts + 1);
    }

    @Test
    void aKeyIsRememberedAcrossARestartOnTheSameDataFolder() {
        String id = api.pasDeCalaisInForce("retried-after-restart");
        HttpApi.Answer first = api.post(Paths.commitments(id)).idempotencyKey("before-restart")
                .json(stateCommits("1000.00")).send();
        assertAccepted(first, 200, id, 4);

        service.close();
        service = ServiceInstance.onEmbeddedDatabase(dataDirectory, USERS);
        api = new HttpApi(service, "admin", "l-administrateur");
        long before = service.storedEventCount();

        HttpApi.Answer again = api.post(Paths.commitments(id)).idempotencyKey("before-restart")
                .json(stateCommits("1000.00")).send();

        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(service.storedEventCount()).isEqualTo(before);
        assertThat(fundsCommitted(id)).isEqualTo(1);
    }

    @Test
    void theSameKeyUsedByTwoAdministratorsIsTwoRequests() {
        String id = api.pasDeCalaisInForce("two-administrators");

        HttpApi.Answer byAdmin = api.post(Paths.commitments(id)).idempotencyKey("shared-key")
                .json(stateCommits("1000.00")).send();
        HttpApi.Answer bySecond = api.post(Paths.commitments(id)).withPassword("second-admin", SECOND_ADMIN_PASSWORD)
                .idempotencyKey("shared-key").json(stateCommits("2000.00")).send();

        assertAccepted(byAdmin, 200, id, 4);
        assertAccepted(bySecond, 200, id, 5);
        assertThat(service.events(id).get(5).getMetaData()).containsEntry("actor", "second-admin");
        assertThat(fundsCommitted(id)).isEqualTo(2);
    }

    /**
     * A regression found by this test: the request hash used to be taken from the body's record toString(),
     * which two different avenants shared when free text held what reads like the next fields.
     */
    @Test
    void theSameKeyWithAnAvenantWhoseFreeTextMimicsTheFirstOnesFieldsIsRefusedAsReused() {
        String id = api.pasDeCalaisInForce("colliding-texts");
        String lineSoFar = ", newEndDate=null, commitments=[CommitmentLine[party=cd-62, year=2019, amount=1.00,"
                + " axis=null, action=";
        JsonBody first = JsonBody.of("""
                { "kind": "FINANCIER", "signedOn": "2019-03-31", "summary": "s",
                  "commitments": [ { "party": "cd-62", "year": 2019, "amount": "1.00" } ] }""")
                .set("commitments/0/action", "x" + lineSoFar + "y");
        JsonBody other = JsonBody.of("""
                { "kind": "FINANCIER", "signedOn": "2019-03-31", "summary": "s",
                  "commitments": [ { "party": "cd-62", "year": 2019, "amount": "1.00", "action": "y" } ] }""")
                .set("summary", "s" + lineSoFar + "x");
        assertAccepted(api.post(Paths.avenants(id)).idempotencyKey("avenant-1").json(first).send(), 200, id, 6);

        assertRefused(service, () -> api.post(Paths.avenants(id)).idempotencyKey("avenant-1").json(other).send(),
                422, "IDEMPOTENCY_KEY_REUSED");
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** Sends {@link #CLIENTS} requests at the same moment, one per thread, and collects their answers. */
    private static List<HttpApi.Answer> allAtOnce(IntFunction<HttpApi.Request> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch ready = new CountDownLatch(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpApi.Answer>> futures = new ArrayList<>();
            for (int n = 0; n < CLIENTS; n++) {
                HttpApi.Request prepared = request.apply(n);
                Callable<HttpApi.Answer> send = () -> {
                    ready.countDown();
                    go.await();
                    return prepared.send();
                };
                futures.add(clients.submit(send));
            }
            ready.await();
            go.countDown();
            List<HttpApi.Answer> answers = new ArrayList<>();
            for (Future<HttpApi.Answer> future : futures) {
                answers.add(future.get(2, TimeUnit.MINUTES));
            }
            return answers;
        } finally {
            clients.shutdownNow();
        }
    }

    private static long fundsCommitted(String id) {
        return service.events(id).stream().filter(event -> event.getPayloadType().getSimpleName()
                .equals("FundsCommitted")).count();
    }

    private static long drafts() {
        return service.jdbc().queryForObject(
                "select count(*) from domainevententry where payloadtype like '%.ConventionDrafted'", Long.class);
    }
}
