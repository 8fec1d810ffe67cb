package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.Bodies;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.JsonBody;
import fr.gouv.conventions.api.fixture.Paths;
import fr.gouv.conventions.api.fixture.RunningService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static fr.gouv.conventions.api.fixture.Answers.assertAccepted;
import static fr.gouv.conventions.api.fixture.Answers.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only administrators command: every command endpoint refuses anonymous and badly authenticated requests with 401,
 * reporters and auditors with 403, and stores nothing for them; administrators get through. The health endpoint
 * and the published contract are open to all.
 */
@RunningService
class RoleMatrixIT {

    private static final AtomicInteger FRESH = new AtomicInteger();

    static ServiceInstance service;
    static HttpApi api;

    /** The six command endpoints, each with a valid request and what the convention must be for it to succeed. */
    enum Endpoint {
        DRAFT(Stage.NONE, id -> Paths.DRAFTS, id -> Bodies.pasDeCalaisDraft(id), 201),
        SIGNATURE(Stage.DRAFTED, Paths::signatures, id -> Bodies.prefetSigns(), 200),
        AVENANT(Stage.IN_FORCE, Paths::avenants, id -> Bodies.financialAvenant("2019-03-31"), 200),
        DEADLINE_EXTENSION(Stage.DRAFTED, Paths::deadlineExtensions, id -> Bodies.deadlineExtension("2019-06-30"), 200),
        COMMITMENT(Stage.IN_FORCE, Paths::commitments, id -> Bodies.stateCommits("500000.00"), 200),
        TERMINATION(Stage.IN_FORCE, Paths::termination, id -> Bodies.termination("2021-06-30"), 200);

        final Stage stage;
        final Function<String, String> path;
        final Function<String, JsonBody> body;
        final int success;

        Endpoint(Stage stage, Function<String, String> path, Function<String, JsonBody> body, int success) {
            this.stage = stage;
            this.path = path;
            this.body = body;
            this.success = success;
        }
    }

    enum Stage { NONE, DRAFTED, IN_FORCE }

    /** Who sends the request, and how the service must answer a non-administrator. */
    enum Caller {
        NO_CREDENTIALS(401, "UNAUTHENTICATED"),
        ADMIN_WITH_A_WRONG_PASSWORD(401, "UNAUTHENTICATED"),
        AN_UNKNOWN_USER(401, "UNAUTHENTICATED"),
        REPORTER(403, "FORBIDDEN"),
        AUDITOR(403, "FORBIDDEN"),
        ADMIN(0, null);

        final int status;
        final String code;

        Caller(int status, String code) {
            this.status = status;
            this.code = code;
        }

        HttpApi.Request authenticate(HttpApi.Request request) {
            return switch (this) {
                case NO_CREDENTIALS -> request.anonymous();
                case ADMIN_WITH_A_WRONG_PASSWORD -> request.withPassword("admin", "not-the-password");
                case AN_UNKNOWN_USER -> request.withPassword("prefet-62", "anything");
                case REPORTER -> request.as("reporter");
                case AUDITOR -> request.as("auditor");
                case ADMIN -> request.as("admin");
            };
        }
    }

    static Stream<Arguments> endpointsAndNonAdministrators() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Caller.values())
                .filter(caller -> caller != Caller.ADMIN)
                .map(caller -> Arguments.of(endpoint, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("endpointsAndNonAdministrators")
    void aCommandFromAnyoneButAnAdministratorIsRefusedAndStoresNothing(Endpoint endpoint, Caller caller) {
        String id = prepared(endpoint.stage);

        HttpApi.Answer refused = assertRefused(service, () -> caller.authenticate(api.post(endpoint.path.apply(id)))
                .json(endpoint.body.apply(id.isEmpty() ? "by-" + caller.name().toLowerCase().replace('_', '-') : id))
                .send(), caller.status, caller.code);

        if (caller.status == 401) {
            assertThat(refused.headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("Basic"));
        }
    }

    @ParameterizedTest(name = "{0} by ADMIN")
    @MethodSource("endpoints")
    void aCommandFromAnAdministratorIsAccepted(Endpoint endpoint) {
        String id = prepared(endpoint.stage);
        String target = id.isEmpty() ? "admin-draft-" + FRESH.incrementAndGet() : id;
        long before = service.storedEventCount();

        HttpApi.Answer answer = Caller.ADMIN.authenticate(api.post(endpoint.path.apply(target)))
                .json(endpoint.body.apply(target)).send();

        assertThat(answer.status()).as(answer.toString()).isNotIn(401, 403).isEqualTo(endpoint.success);
        assertThat(service.storedEventCount()).isGreaterThan(before);
        assertThat(service.events(target).get(service.events(target).size() - 1).getMetaData())
                .containsEntry("actor", "admin");
    }

    static Stream<Endpoint> endpoints() {
        return Arrays.stream(Endpoint.values());
    }

    @Test
    void theHealthEndpointIsReachableWithoutCredentials() {
        HttpApi.Answer health = api.get("/actuator/health").anonymous().send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
    }

    @Test
    void thePublishedContractIsReachableWithoutCredentialsAndListsTheSixCommandsWithTheBassinMinierExample() {
        HttpApi.Answer contract = api.get("/v3/api-docs").anonymous().send();

        assertThat(contract.status()).isEqualTo(200);
        JsonNode paths = contract.json().path("paths");
        for (String path : new String[] {"/api/conventions", "/api/conventions/{id}/signatures",
                "/api/conventions/{id}/avenants", "/api/conventions/{id}/deadline-extensions",
                "/api/conventions/{id}/commitments", "/api/conventions/{id}/termination"}) {
            assertThat(paths.path(path).has("post")).as("POST %s in the contract", path).isTrue();
        }
        JsonNode examples = paths.path("/api/conventions").path("post").path("requestBody").path("content")
                .path("application/json").path("examples");
        assertThat(examples.path("bassin minier, 10 July 2019").path("value")).as("the example, from the catalogue")
                .isEqualTo(Bodies.bassinMinierDraft("bassin-minier-2019").tree());
    }

    @Test
    void theContractGivesTheShapeOfTheConventionIdAndOfTheCommandHeaders() {
        JsonNode paths = api.get("/v3/api-docs").anonymous().send().json().path("paths");

        for (String path : new String[] {"/api/conventions/{id}/signatures", "/api/conventions/{id}/avenants",
                "/api/conventions/{id}/deadline-extensions", "/api/conventions/{id}/commitments",
                "/api/conventions/{id}/termination"}) {
            JsonNode parameters = paths.path(path).path("post").path("parameters");
            assertThat(parameter(parameters, "path", "id").path("schema").path("pattern").asText())
                    .as("id of POST %s", path).isEqualTo("[a-z0-9-]{3,64}");
            assertThat(parameter(parameters, "header", "Idempotency-Key").path("schema").path("pattern").asText())
                    .as("Idempotency-Key of POST %s", path).isEqualTo("[A-Za-z0-9._:-]{1,128}");
            assertThat(parameter(parameters, "header", "If-Match").path("description").asText())
                    .as("If-Match of POST %s", path).isEqualTo("The version the client last saw, as \"N\"");
        }
        JsonNode draft = paths.path("/api/conventions").path("post").path("parameters");
        assertThat(parameter(draft, "header", "Idempotency-Key").path("description").asText())
                .isEqualTo("Retries with the same key are answered once");
        assertThat(parameter(paths.path("/api/conventions/{id}").path("get").path("parameters"), "path", "id")
                .path("schema").path("pattern").asText()).isEqualTo("[a-z0-9-]{3,64}");
    }

    private static JsonNode parameter(JsonNode parameters, String in, String name) {
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals(in) && parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("No " + in + " parameter " + name + " in " + parameters);
    }

    @Test
    void theRefusalOfAnAnonymousRequestCarriesItsCorrelationId() {
        HttpApi.Answer refused = api.post(Paths.DRAFTS).anonymous().correlationId("anonymous-attempt-1")
                .json(Bodies.pasDeCalaisDraft("anonymous")).send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Correlation-Id")).isEqualTo("anonymous-attempt-1");
        assertThat(refused.json().path("correlationId").asText()).isEqualTo("anonymous-attempt-1");
    }

    /** A fresh convention at the stage the command needs: none for a draft, drafted, or in force. */
    private static String prepared(Stage stage) {
        if (stage == Stage.NONE) {
            return "";
        }
        String id = "role-matrix-" + FRESH.incrementAndGet();
        assertAccepted(api.post(Paths.DRAFTS).json(Bodies.pasDeCalaisDraft(id)).send(), 201, id, 0);
        if (stage == Stage.IN_FORCE) {
            assertAccepted(api.post(Paths.signatures(id)).json(Bodies.prefetSigns()).send(), 200, id, 1);
            assertAccepted(api.post(Paths.signatures(id)).json(Bodies.departementSigns()).send(), 200, id, 3);
        }
        return id;
    }
}
