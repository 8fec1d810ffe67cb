package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.ServiceInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain HTTP client for one running service, speaking HTTP/1.1 over a real socket: requests are sent as
 * administrator unless told otherwise, and answers keep their status, headers and raw body.
 */
final class HttpApi {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One client per service, so that no pooled connection outlives the instance it was opened to. */
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ServiceInstance service;
    private final String defaultUser;
    private final String defaultPassword;

    /** Requests sent as the generated {@code admin} user. */
    HttpApi(ServiceInstance service) {
        this(service, "admin", null);
    }

    /** Requests sent by default as the given user, with this password. */
    HttpApi(ServiceInstance service, String user, String password) {
        this.service = service;
        this.defaultUser = user;
        this.defaultPassword = password;
    }

    Request post(String path) {
        return new Request("POST", path);
    }

    Request get(String path) {
        return new Request("GET", path);
    }

    Request method(String method, String path) {
        return new Request(method, path);
    }

    /** The value of an HTTP Basic {@code Authorization} header. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One request being prepared: by default as {@code admin}, with no body. */
    final class Request {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("Authorization", basic(defaultUser,
                    defaultPassword != null ? defaultPassword : service.password(defaultUser)));
        }

        /** As one of the generated users: admin, auditor or reporter. */
        Request as(String user) {
            return authorization(basic(user, service.password(user)));
        }

        Request withPassword(String user, String password) {
            return authorization(basic(user, password));
        }

        Request bearer(String token) {
            return authorization("Bearer " + token);
        }

        Request authorization(String value) {
            headers.put("Authorization", value);
            return this;
        }

        Request anonymous() {
            headers.remove("Authorization");
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request correlationId(String value) {
            return header("X-Correlation-Id", value);
        }

        Request ifMatch(String value) {
            return header("If-Match", value);
        }

        Request idempotencyKey(String value) {
            return header("Idempotency-Key", value);
        }

        /** A JSON body, sent with its length declared. */
        Request json(Object body) {
            return body("application/json", body.toString());
        }

        Request body(String contentType, String text) {
            return body(contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        Request body(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            return this;
        }

        /** A body sent with {@code Transfer-Encoding: chunked}: no length is declared up front. */
        Request chunked(String contentType, byte[] bytes) {
            headers.put("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
            return this;
        }

        Answer send() {
            URI uri = URI.create("http://localhost:" + service.port() + path);
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** What the service answered. */
    record Answer(int status, HttpHeaders headers, String body) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        String etag() {
            return header("ETag");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        /** The {@code code} member of a problem answer. */
        String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
