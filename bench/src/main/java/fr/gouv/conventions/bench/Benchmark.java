package fr.gouv.conventions.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the service against the physical limit of the same PostgreSQL on the same machine, and prints the
 * figures as a markdown table (also written to a file):
 * <ol>
 *     <li>raw JDBC appends, then commands over HTTP on a realistic mix, at 1, 8 and 32 concurrent clients, with the
 *     projection lag at the end of each run;</li>
 *     <li>a command on a convention of 10 000 events, with and without a snapshot, against a fresh one;</li>
 *     <li>the rebuild of every projection from a million events, against a raw scan of the same events;</li>
 *     <li>the peak resident memory of the service process.</li>
 * </ol>
 * Options: {@code --jdbc-url=} (default: a fresh embedded PostgreSQL), {@code --user=}, {@code --password=},
 * {@code --seconds=} per run (20), {@code --events=} for the replay (1000000), {@code --service-jar=},
 * {@code --output=}, {@code --service-jvm=} (space-separated JVM options of the service), {@code --warm-up-seconds=}
 * of unmeasured load before the HTTP runs (180), {@code --clients=} (1,8,32), {@code --parts=} of the benchmark to
 * run (raw,http,aggregate,replay: all by default; leaving parts out serves to profile one part alone).
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration run = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        long replayEvents = Long.parseLong(options.getOrDefault("events", "1000000"));
        Path jar = Path.of(options.getOrDefault("service-jar", "api/target/conventions-service.jar"));
        Path output = Path.of(options.getOrDefault("output", "bench/target/benchmark.md"));
        List<String> serviceJvm = Arrays.asList(options.getOrDefault("service-jvm",
                "-Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k").split(" "));
        Path work = Files.createTempDirectory("conventions-bench");
        Path publicKey = work.resolve("bench-public-key.pem");
        KeyPair keys = HttpCommands.keys(publicKey);
        int[] concurrency = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> parts = Arrays.asList(options.getOrDefault("parts", "raw,http,aggregate,replay").split(","));
        Report report = new Report();

        try (Database database = options.containsKey("jdbc-url")
                ? Database.at(options.get("jdbc-url"), options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))
                : Database.embedded()) {
            report.note("Database: " + database.description());
            report.note("Service JVM: " + String.join(" ", serviceJvm));
            int port = freePort();
            try (ServiceProcess service = ServiceProcess.start(jar, database, publicKey, port, serviceJvm, List.of(),
                    work.resolve("service.log"))) {
                HttpCommands admin = HttpCommands.as(port, keys, "bench-admin", List.of("ADMIN"));
                RawJdbc raw = new RawJdbc(database.pool);
                raw.createAppendTable();
                Map<Integer, Rate> rawAppends = new HashMap<>();
                if (parts.contains("raw")) {
                    log("raw JDBC appends");
                    for (int threads : concurrency) {
                        rawAppends.put(threads, raw.append(threads, run, 2000));
                    }
                }
                if (parts.contains("http")) {
                    log("commands over HTTP");
                    CommandMix mix = new CommandMix(admin, "mix");
                    mix.prepare(300);
                    warmUp(mix, Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up-seconds", "180"))));
                    projectionLagSeconds(database, 0);
                    for (int clients : concurrency) {
                        long before = lastEventIndex(database);
                        Rate http = mix.run(clients, run);
                        double lag = projectionLagSeconds(database, before);
                        Rate rawRate = rawAppends.get(clients);
                        report.throughput(clients, http, rawRate, lag);
                        log(String.format(Locale.ROOT,
                                "%d clients: %.0f commands/s, raw %.0f/s, p99 %.1f ms, lag %.2f s", clients, http.perSecond(), rawRate == null ? Double.NaN : rawRate.perSecond(),
                                http.p99Millis(), lag));
                    }
                }
                if (parts.contains("aggregate")) {
                    log("aggregate load");
                    new AggregateLoad(admin, new StoredEvents(database.pool), database.pool).measure(report);
                }
                if (parts.contains("replay")) {
                    log("replay");
                    new Replay(admin, new StoredEvents(database.pool), raw, database).measure(report, replayEvents);
                }
                report.memory(service.peakRssMib());
            }
        }
        String markdown = report.markdown(run, replayEvents, LocalDateTime.now());
        System.out.println(markdown);
        Files.createDirectories(output.toAbsolutePath().getParent());
        Files.writeString(output, markdown);
        System.out.println("Written to " + output.toAbsolutePath());
    }

    /**
     * Unmeasured load at 8 clients, in rounds of 15 s whose rates are logged: on two cores the JIT compiler needs
     * minutes of load to compile the service's hot paths (and the load generator's), and figures measured before
     * are those of the compiler, not of the service.
     */
    static void warmUp(CommandMix mix, Duration duration) throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Rate round = mix.run(8, Duration.ofSeconds(15));
            log(String.format(Locale.ROOT, "warm-up: %.0f commands/s", round.perSecond()));
        }
    }

    /** The global index of the last stored event: where the next run's events begin. */
    static long lastEventIndex(Database database) throws SQLException {
        try (Connection connection = database.pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select coalesce(max(globalindex), 0) from domainevententry")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Seconds from now until the read model shows the last event of every convention that events after
     * {@code afterIndex} changed (its version in the public {@code conventions} view). The processor's tokens are
     * not the measure: a segment that received no event lately stores its token only every few seconds.
     */
    static double projectionLagSeconds(Database database, long afterIndex) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(30).toNanos();
        try (Connection connection = database.pool.getConnection();
             PreparedStatement behind = connection.prepareStatement("""
                     select count(*)
                       from (select aggregateidentifier, max(sequencenumber) as last
                               from domainevententry where globalindex > ? group by aggregateidentifier) stored
                       left join conventions shown on shown.convention_id = stored.aggregateidentifier
                      where shown.version is null or shown.version < stored.last""")) {
            behind.setLong(1, afterIndex);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = behind.executeQuery()) {
                    row.next();
                    if (row.getLong(1) == 0) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("The projection did not catch up within 30 minutes");
    }

    static void log(String message) {
        System.out.println("[bench " + LocalDateTime.now().withNano(0) + "] " + message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("Options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** The figures of one run, as markdown. */
    static final class Report {
        private final List<String> notes = new ArrayList<>();
        private final List<String> throughput = new ArrayList<>();
        private final List<String> others = new ArrayList<>();

        void note(String note) {
            notes.add(note);
        }

        void throughput(int clients, Rate http, Rate raw, double lagSeconds) {
            double rawPerSecond = raw == null ? Double.NaN : raw.perSecond();
            throughput.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %d | %.0f | %.2f | %.2f |",
                    clients, http.perSecond(), http.p50Millis(), http.p99Millis(), http.errors(), rawPerSecond,
                    http.perSecond() / rawPerSecond, lagSeconds));
        }

        void figure(String what, String value, String against) {
            others.add("| " + what + " | " + value + " | " + against + " |");
        }

        void memory(double peakRssMib) {
            figure("Peak resident memory of the service", String.format(Locale.ROOT, "%.0f MiB", peakRssMib),
                    "target: under 512 MiB");
        }

        String markdown(Duration run, long events, LocalDateTime when) {
            StringBuilder text = new StringBuilder("## Run of " + when.withNano(0) + "\n\n");
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
            text.append("- Each throughput run lasts ").append(run.toSeconds()).append(" s; replay over ")
                    .append(events).append(" events\n\n");
            text.append("| clients | commands/s | p50 ms | p99 ms | errors | raw JDBC appends/s | ratio | projection lag s |\n");
            text.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            throughput.forEach(line -> text.append(line).append('\n'));
            text.append("\n| figure | value | against |\n|---|---:|---|\n");
            others.forEach(line -> text.append(line).append('\n'));
            return text.toString();
        }
    }
}
