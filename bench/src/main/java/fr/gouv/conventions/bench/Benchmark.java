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
 *     <li>after a warm-up, raw JDBC appends and commands over HTTP on a realistic mix, at 1, 8 and 32 concurrent
 *     clients, in rounds (3 by default: this machine's figures move by a third from one run to the next) where raw
 *     and HTTP runs alternate in short slices (4 of 5 s by default: the machine's speed moves within a minute, and
 *     both sides of a ratio should see the same), with the projection lag at the end of each HTTP slice;</li>
 *     <li>a command on a convention of 10 000 events, with and without a snapshot, against a fresh one;</li>
 *     <li>the rebuild of every projection from a million events, against a raw scan of the same events;</li>
 *     <li>the peak resident memory of the service process.</li>
 * </ol>
 * Its options, with their defaults, are listed in {@link #USAGE} ({@code --help} prints them); leaving parts out
 * ({@code --parts=}) serves to profile one part alone.
 */
public final class Benchmark {

    /**
     * The load each slice of a round runs before its window opens: connections open, the compiled code in use and
     * the live projection trailing by its usual batch, so that the window does not count the work of a start or leave
     * the projection's last batch out of it (see {@link Tally}).
     */
    static final Duration RAMP = Duration.ofSeconds(1);

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Duration run = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        long replayEvents = Long.parseLong(options.getOrDefault("events", "1000000"));
        Path jar = Path.of(options.getOrDefault("service-jar", "api/target/conventions-service.jar"));
        Path output = Path.of(options.getOrDefault("output", "bench/target/benchmark.md"));
        List<String> serviceJvm = Arrays.asList(options.getOrDefault("service-jvm",
                "-Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+UseParallelGC"
                        + " -XX:TrimNativeHeapInterval=1000").split(" "));
        Path work = Files.createTempDirectory("conventions-bench");
        Path publicKey = work.resolve("bench-public-key.pem");
        KeyPair keys = HttpCommands.keys(publicKey);
        int[] concurrency = Arrays.stream(options.getOrDefault("clients", "1,8,32").split(","))
                .mapToInt(Integer::parseInt).toArray();
        List<String> parts = Arrays.asList(options.getOrDefault("parts", "raw,http,aggregate,replay").split(","));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        int slices = Integer.parseInt(options.getOrDefault("slices", "4"));
        if (slices < 1) {
            System.err.println("--slices is at least 1, not " + slices + "; the options are:\n" + USAGE);
            System.exit(2);
        }
        Duration slice = run.dividedBy(slices);
        Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up-seconds", "180")));
        Report report = new Report();
        // Every convention this run creates has it in its id, so that a database measured before can be measured
        // again (the same ids would be refused as existing).
        String runId = Long.toString(System.currentTimeMillis(), 36);

        try (Database database = options.containsKey("jdbc-url")
                ? Database.at(options.get("jdbc-url"), options.getOrDefault("user", "postgres"),
                options.getOrDefault("password", ""))
                : Database.embedded(durableCommits(options))) {
            if (options.containsKey("compare-jar")) {
                Comparison comparison = new Comparison(database, serviceJvm, publicKey, keys, work, runId);
                StringBuilder markdown = new StringBuilder();
                try {
                    comparison.start(jar, Path.of(options.get("compare-jar")), warmUp);
                    for (int clients : concurrency) {
                        markdown.append(comparison.measure(clients, rounds, slices, slice)).append('\n');
                    }
                } finally {
                    comparison.stop();
                }
                write(markdown.toString(), output);
                return;
            }
            report.note("Database: " + database.description());
            report.note("Service JVM: " + String.join(" ", serviceJvm));
            int port = freePort();
            try (ServiceProcess service = ServiceProcess.start(jar, database.address(), publicKey, port, serviceJvm,
                    List.of(), work.resolve("service.log"))) {
                HttpCommands admin = HttpCommands.as(port, keys, "bench-admin", List.of("ADMIN"));
                RawJdbc raw = new RawJdbc(database.pool);
                raw.createAppendTable();
                boolean http = parts.contains("http");
                boolean rawAppends = parts.contains("raw");
                CommandMix mix = new CommandMix(admin::post, "mix-" + runId);
                if (http) {
                    log("commands over HTTP: warm-up");
                    mix.prepare(300);
                    warmUp(mix, warmUp);
                    projectionLagSeconds(database, 0);
                }
                if (http || rawAppends) {
                    CpuTime cpu = new CpuTime(service.pid(), database.postmasterPid());
                    for (int clients : concurrency) {
                        List<Rate> raws = new ArrayList<>();
                        List<Rate> commands = new ArrayList<>();
                        List<CpuTime.Reading> rawCpu = new ArrayList<>();
                        List<CpuTime.Reading> commandCpu = new ArrayList<>();
                        double lag = 0;
                        for (int round = 1; round <= rounds; round++) {
                            Tally appends = new Tally();
                            Tally sent = new Tally();
                            CpuTime.Reading rawSpent = CpuTime.Reading.NONE;
                            CpuTime.Reading commandSpent = CpuTime.Reading.NONE;
                            for (int count = 1; count <= slices; count++) {
                                if (rawAppends) {
                                    CpuTime.Reading cpuBefore = cpu.read();
                                    raw.append(clients, RAMP, slice, 2000, appends);
                                    rawSpent = rawSpent.plus(cpu.read().since(cpuBefore));
                                }
                                if (http) {
                                    long before = lastEventIndex(database);
                                    CpuTime.Reading cpuBefore = cpu.read();
                                    mix.run(clients, RAMP, slice, sent);
                                    commandSpent = commandSpent.plus(cpu.read().since(cpuBefore));
                                    lag = Math.max(lag, projectionLagSeconds(database, before));
                                }
                            }
                            if (rawAppends) {
                                raws.add(appends.rate("raw JDBC append", clients));
                                rawCpu.add(rawSpent.perOperation(appends.sent()));
                            }
                            if (http) {
                                commands.add(sent.rate("service over HTTP", clients));
                                commandCpu.add(commandSpent.perOperation(sent.sent()));
                            }
                            log(String.format(Locale.ROOT, "%d clients, round %d: %s commands/s, raw %s/s",
                                    clients, round, commands.isEmpty() ? "-" : Report.perSecond(commands.get(round - 1)),
                                    raws.isEmpty() ? "-" : Report.perSecond(raws.get(round - 1))));
                        }
                        report.throughput(clients, commands, raws, lag);
                        report.cpu(clients, commandCpu, rawCpu);
                    }
                }
                if (parts.contains("aggregate")) {
                    log("aggregate load");
                    new AggregateLoad(admin, new StoredEvents(database.pool), database, "load-" + runId).measure(report);
                }
                if (parts.contains("replay")) {
                    log("replay");
                    new Replay(admin, new StoredEvents(database.pool), raw, database, "replay-" + runId).measure(report, replayEvents);
                }
                report.memory(service.peakRssMib());
            }
        }
        write(report.markdown(run, slices, replayEvents, LocalDateTime.now()), output);
    }

    private static void write(String markdown, Path output) throws IOException {
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

    private static boolean durableCommits(Map<String, String> options) {
        String setting = options.getOrDefault("durable-commits", "on");
        if (!List.of("on", "off").contains(setting)) {
            System.err.println("--durable-commits is on or off, not " + setting + "; the options are:\n" + USAGE);
            System.exit(2);
        }
        return setting.equals("on");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final List<String> OPTIONS = List.of("jdbc-url", "user", "password", "seconds", "rounds", "slices",
            "events", "service-jar", "output", "service-jvm", "warm-up-seconds", "clients", "parts", "durable-commits",
            "compare-jar");

    private static final String USAGE = """
            java -jar bench/target/conventions-bench.jar [--name=value ...]
              --jdbc-url=jdbc:postgresql://host:port/db  the PostgreSQL to measure (default: a fresh embedded one)
              --user=postgres --password=                 its credentials
              --durable-commits=on  the embedded one writes each commit to disk before answering it, as the
                                    service's own does (off: fsync and synchronous_commit off, zonky's test
                                    settings, as in the runs before 2026-11-27 05:50)
              --seconds=20          what each round measures of raw appends, and of commands
              --rounds=3            rounds per concurrency (medians are reported)
              --slices=4            slices of a round: its raw and HTTP runs alternate this many times (5 s each
                                    by default), each measured after 1 s of load, so that both sides see the
                                    machine as it is over the same half-minute
              --clients=1,8,32      concurrencies
              --warm-up-seconds=180 unmeasured load before the HTTP runs
              --events=1000000      events replayed by the rebuild
              --parts=raw,http,aggregate,replay  the parts to run
              --service-jar=api/target/conventions-service.jar
              --compare-jar=other.jar  instead of the parts: the commands of the service jar (A) and of this one (B),
                                    each on a database of its own in the same PostgreSQL, both warmed up, in the
                                    same rounds, their slices alternating raw appends, A and B; tells apart two
                                    builds whose separate runs the machine's drift would blur (e.g. --clients=8
                                    --rounds=8)
              --service-jvm="-Xms256m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:+UseParallelGC
                             -XX:TrimNativeHeapInterval=1000"
              --output=bench/target/benchmark.md""";

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            String name = arg.startsWith("--") && arg.contains("=") ? arg.substring(2, arg.indexOf('=')) : null;
            if (name == null || !OPTIONS.contains(name)) {
                System.err.println("Unknown option " + arg + "; the options are:\n" + USAGE);
                System.exit(2);
            }
            options.put(name, arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }
}
