package fr.gouv.conventions.api.http;

import fr.gouv.conventions.api.ServiceInstance;

import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions shared by the HTTP tests: what every problem answer holds, and that a refusal stores nothing. */
final class Answers {

    private Answers() {
    }

    /**
     * An RFC 9457 answer with this status and code, whose correlation id is the one of the response header.
     */
    static HttpApi.Answer assertProblem(HttpApi.Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
        assertThat(answer.code()).as("code of %s", answer).isEqualTo(code);
        assertThat(answer.json().path("status").asInt()).as("status member of %s", answer).isEqualTo(status);
        String correlationId = answer.header("X-Correlation-Id");
        assertThat(correlationId).as("X-Correlation-Id of %s", answer).isNotBlank();
        assertThat(answer.json().path("correlationId").asText()).as("correlationId of %s", answer)
                .isEqualTo(correlationId);
        return answer;
    }

    /** Sends the request and checks that the event store holds exactly as many events afterwards. */
    static HttpApi.Answer storingNothing(ServiceInstance service, Supplier<HttpApi.Answer> request) {
        long before = service.storedEventCount();
        HttpApi.Answer answer = request.get();
        assertThat(service.storedEventCount()).as("events stored by %s", answer).isEqualTo(before);
        return answer;
    }

    /** Sends the request, checks the problem answer, and that nothing was stored. */
    static HttpApi.Answer assertRefused(ServiceInstance service, Supplier<HttpApi.Answer> request, int status,
                                        String code) {
        return assertProblem(storingNothing(service, request), status, code);
    }

    /** The answer to an accepted command: this status, the ETag of the new version, and the matching body. */
    static HttpApi.Answer assertAccepted(HttpApi.Answer answer, int status, String conventionId, long version) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/json");
        assertThat(answer.etag()).as("ETag of %s", answer).isEqualTo("\"" + version + "\"");
        assertThat(answer.json().path("conventionId").asText()).as("conventionId of %s", answer)
                .isEqualTo(conventionId);
        assertThat(answer.json().path("version").isIntegralNumber()).as("version of %s", answer).isTrue();
        assertThat(answer.json().path("version").asLong()).as("version of %s", answer).isEqualTo(version);
        return answer;
    }
}
