package fr.gouv.conventions.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class HttpConnectionsTest {

    private HttpServer server;
    private HttpConnections connections;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Set<Object> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/length", exchange -> answer(exchange, 201, "{\"version\":3}", false));
        server.createContext("/chunked", exchange -> answer(exchange, 200, "é".repeat(5000), true));
        server.createContext("/refused", exchange -> answer(exchange, 422, "{\"code\":\"CEILING_EXCEEDED\"}", false));
        server.createContext("/closing", exchange -> {
            exchange.getResponseHeaders().add("Connection", "close");
            answer(exchange, 200, "bye", false);
        });
        server.start();
        connections = new HttpConnections("127.0.0.1", server.getAddress().getPort());
    }

    @AfterEach
    void stop() throws IOException {
        connections.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body, boolean chunked) throws IOException {
        received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                + exchange.getRequestHeaders().getFirst("Authorization") + " "
                + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        clientPorts.add(exchange.getRemoteAddress().getPort());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void sendsTheRequestAndReadsAnAnswerWithItsLength() throws IOException {
        var answer = connections.exchange("POST", "/length", "Authorization: Bearer abc\r\n",
                "{\"party\":\"cd-59\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer).isEqualTo(new HttpConnections.Answer(201, "{\"version\":3}"));
        assertThat(received).containsExactly("POST /length Bearer abc {\"party\":\"cd-59\"}");
    }

    @Test
    void readsAChunkedAnswerAndAnAnswerWithoutBodyInTheRequest() throws IOException {
        var answer = connections.exchange("GET", "/chunked", "", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("é".repeat(5000));
    }

    @Test
    void readsARefusalLikeAnyOtherAnswer() throws IOException {
        assertThat(connections.exchange("POST", "/refused", "", new byte[0]))
                .isEqualTo(new HttpConnections.Answer(422, "{\"code\":\"CEILING_EXCEEDED\"}"));
    }

    @Test
    void keepsTheConnectionForTheNextRequest() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertThat(connections.exchange("GET", "/length", "", null).status()).isEqualTo(201);
        }

        assertThat(clientPorts).hasSize(1);
    }

    @Test
    void opensANewConnectionAfterTheServerClosedOne() throws IOException {
        assertThat(connections.exchange("GET", "/closing", "", null).body()).isEqualTo("bye");
        assertThat(connections.exchange("GET", "/length", "", null).status()).isEqualTo(201);

        assertThat(clientPorts).hasSize(2);
    }
}
