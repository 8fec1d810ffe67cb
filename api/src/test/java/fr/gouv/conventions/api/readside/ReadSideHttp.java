package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import fr.gouv.conventions.api.ServiceInstance;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real HTTP to one running service, as its generated users ({@code admin}, {@code auditor}, {@code reporter}) with
 * HTTP Basic, their passwords read from {@code <dataDirectory>/credentials.properties}. Commands go as admin;
 * {@link #awaitVersion} waits until the eventually consistent read model shows a command's outcome.
 */
final class ReadSideHttp {

    /** Keeps amounts exact: numbers are read as BigDecimal with their scale ("500000.00" stays 500000.00). */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .findAndAddModules()
            .build();

    /** How long the read model may take to catch up with a command. */
    static final Duration CATCH_UP = Duration.ofSeconds(30);

    static final String ADMIN = "admin";
    static final String AUDITOR = "auditor";
    static final String REPORTER = "reporter";
    /** No Authorization header at all. */
    static final String ANONYMOUS = null;

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final ServiceInstance service;
    private final Properties passwords = new Properties();

    ReadSideHttp(ServiceInstance service, Path dataDirectory) {
        this.service = service;
        try (Reader reader = Files.newBufferedReader(dataDirectory.resolve("credentials.properties"))) {
            passwords.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String user, String path, String... headers) {
        return send("GET", user, path, null, headers);
    }

    Answer post(String user, String path, Object body, String... headers) {
        return send("POST", user, path, body, headers);
    }

    /**
     * One request. {@code body} is a JSON text or anything Jackson writes; {@code headers} are name, value pairs.
     */
    Answer send(String method, String user, String path, Object body, String... headers) {
        HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
        List<String> all = new ArrayList<>(List.of(headers));
        if (body != null) {
            String text;
            try {
                text = body instanceof String string ? string : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            publisher = HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            all.add("Content-Type");
            all.add("application/json");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, publisher);
        if (user != null) {
            String password = passwords.getProperty(user, "no-such-user");
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < all.size(); i += 2) {
            request.header(all.get(i), all.get(i + 1));
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(method + " " + path, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a command as admin, checks that it was accepted, and answers the convention's new version. */
    long command(String path, Object body, String... headers) {
        Answer answer = post(ADMIN, path, body, headers);
        assertThat(answer.status()).as("%s", answer).isIn(200, 201);
        return answer.json().get("version").asLong();
    }

    /** Drafts a convention as admin and answers its version (0). */
    long draft(Object body, String... headers) {
        Answer answer = post(ADMIN, "/api/conventions", body, headers);
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json().get("version").asLong();
    }

    /** Has both parties of a {@link Bodies#convention} sign on that date; answers the version (3: in force). */
    long signedByBoth(String conventionId, String signedOn) {
        command("/api/conventions/" + conventionId + "/signatures",
                Bodies.signature(Bodies.ETAT, "Le préfet", signedOn));
        return command("/api/conventions/" + conventionId + "/signatures",
                Bodies.signature(Bodies.DEPARTEMENT, "La présidente", signedOn));
    }

    /**
     * Waits until {@code GET /api/conventions/{id}} (as reporter) answers this version: the projection has folded in
     * every event up to it. Answers the convention as the read model then shows it.
     */
    JsonNode awaitVersion(String conventionId, long version) {
        JsonNode[] seen = new JsonNode[1];
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            Answer answer = get(REPORTER, "/api/conventions/" + conventionId);
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            assertThat(answer.json().get("version").asLong()).as("version of %s", conventionId).isEqualTo(version);
            seen[0] = answer.json();
        });
        return seen[0];
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** What the service answered. */
    record Answer(String request, int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + this, e);
            }
        }

        /** The {@code code} member of a problem answer. */
        String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asText();
        }

        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType() + " " + body;
        }
    }
}
