package fr.gouv.conventions.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Kept-alive HTTP/1.1 connections to one server, for the load generator. Each request goes out in one write, its
 * answer is read from the socket's buffer, and the connection is reused by the next request of any client thread.
 * The load generator shares the machine's two cores with the service and PostgreSQL, so what it spends per request
 * is taken from them: the JDK's {@code HttpURLConnection} cost it about 0.16 ms of CPU per command (see
 * BENCHMARKS.md#load-generator), and {@code HttpClient} twice that. It speaks only what the service answers: a
 * {@code Content-Length} or chunked body, and {@code Connection: close} when the server ends a connection.
 */
final class HttpConnections implements AutoCloseable {

    /** A connection idle for longer may have been closed by the server (Tomcat's keep-alive timeout is 20 s). */
    private static final long MAX_IDLE_NANOS = 5_000_000_000L;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final String host;
    private final int port;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    HttpConnections(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** A status and the body that came with it. */
    record Answer(int status, String body) {
    }

    /**
     * Sends one request and reads its whole answer. {@code headers} are complete header lines, each ending with
     * CRLF; the body, if any, is sent with its length.
     */
    Answer exchange(String method, String path, String headers, byte[] body) throws IOException {
        Connection connection = take();
        Answer answer;
        try {
            connection.send(method, path, host + ":" + port, headers, body);
            answer = connection.receive();
        } catch (IOException | RuntimeException failed) {
            try {
                connection.close();
            } catch (IOException closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        }
        if (connection.keepAlive) {
            connection.lastUsed = System.nanoTime();
            idle.push(connection);
        } else {
            connection.close();
        }
        return answer;
    }

    private Connection take() throws IOException {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            if (System.nanoTime() - connection.lastUsed < MAX_IDLE_NANOS) {
                return connection;
            }
            connection.close();
        }
        return new Connection(host, port);
    }

    @Override
    public void close() throws IOException {
        Connection connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    private static final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final ByteArrayOutputStream request = new ByteArrayOutputStream(1024);
        private boolean keepAlive;
        private long lastUsed;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = new BufferedInputStream(socket.getInputStream(), 8192);
            out = socket.getOutputStream();
        }

        void send(String method, String path, String authority, String headers, byte[] body) throws IOException {
            request.reset();
            ascii(method + " " + path + " HTTP/1.1\r\nHost: " + authority + "\r\n" + headers);
            if (body != null) {
                ascii("Content-Length: " + body.length + "\r\n\r\n");
                request.write(body);
            } else {
                ascii("\r\n");
            }
            request.writeTo(out);
            out.flush();
        }

        private void ascii(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            request.write(bytes, 0, bytes.length);
        }

        Answer receive() throws IOException {
            String statusLine = line();
            if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
                throw new IOException("Not an HTTP/1.1 status line: " + statusLine);
            }
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            keepAlive = true;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    throw new IOException("Not a header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> keepAlive = !value.equalsIgnoreCase("close");
                    default -> {
                    }
                }
            }
            byte[] body;
            if (chunked) {
                body = chunks();
            } else if (length >= 0) {
                body = in.readNBytes((int) length);
                if (body.length < length) {
                    throw new EOFException("The answer ended after " + body.length + " of " + length + " bytes");
                }
            } else if (status == 204 || status == 304 || status / 100 == 1) {
                body = new byte[0];
            } else {
                body = in.readAllBytes();
                keepAlive = false;
            }
            return new Answer(status, new String(body, StandardCharsets.UTF_8));
        }

        private byte[] chunks() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int extension = size.indexOf(';');
                int length = Integer.parseInt((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
                if (length == 0) {
                    while (!line().isEmpty()) {
                        // trailers, if any, are not needed
                    }
                    return body.toByteArray();
                }
                byte[] chunk = in.readNBytes(length);
                if (chunk.length < length) {
                    throw new EOFException("A chunk ended after " + chunk.length + " of " + length + " bytes");
                }
                body.write(chunk);
                if (!line().isEmpty()) {
                    throw new IOException("A chunk does not end with CRLF");
                }
            }
        }

        /** One line of the answer's head, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            while (true) {
                int next = in.read();
                if (next < 0) {
                    throw new EOFException("The server closed the connection in the middle of an answer's head");
                }
                if (next == '\n') {
                    int end = line.length();
                    return line.substring(0, end > 0 && line.charAt(end - 1) == '\r' ? end - 1 : end);
                }
                line.append((char) next);
            }
        }

        void close() throws IOException {
            socket.close();
        }
    }
}
