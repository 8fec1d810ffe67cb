package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.ConventionServiceApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The benchmark's command mix at 8 threads without HTTP: the same commands, read from the same JSON bodies into the
 * same request types, sent to the {@link CommandSender} behind the HTTP endpoints, inside the service's own JVM with
 * its live projection running. Raw JDBC appends, as the benchmark makes them, alternate with it in rounds. It
 * measures what the HTTP layer costs (BENCHMARKS.md, "Commands over HTTP"); {@code run.sh} next to it runs it.
 * It sits in the package of the HTTP endpoints because {@link CommandSender} and the request types are theirs.
 */
public final class InProcessMix {

    private static final int THREADS = 8;
    private static final int RAW_STREAMS = 2000;
    /** The benchmark's raw row: a commitment and its metadata, as JSON of the size the service writes. */
    private static final byte[] RAW_PAYLOAD = ("{\"conventionId\":\"raw\",\"party\":\"prefet-region\",\"year\":2022,"
            + "\"amount\":\"1250.50\",\"axis\":\"INSERTION_EMPLOI\",\"action\":\"Action 7\","
            + "\"committedOn\":\"2020-01-15\",\"avenantNumber\":null}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] RAW_METADATA = ("{\"actor\":\"bench\",\"correlationId\":\"" + UUID.randomUUID()
            + "\",\"businessDate\":\"2020-01-15\"}").getBytes(StandardCharsets.UTF_8);

    private final CommandSender sender;
    private final ObjectMapper json;
    private final Clock clock;
    private final DataSource database;
    private final List<String> inForce = new ArrayList<>();
    private final Queue<String[]> awaitingSignature = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drafts = new AtomicInteger();

    private InProcessMix(ConfigurableApplicationContext service) {
        sender = service.getBean(CommandSender.class);
        json = service.getBean(ObjectMapper.class);
        clock = service.getBean(Clock.class);
        database = service.getBean(DataSource.class);
    }

    /** Arguments: the service's own ({@code --spring.datasource.url=...}); -Dwarm-up, -Dseconds, -Drounds. */
    public static void main(String[] args) throws Exception {
        int warmUp = Integer.getInteger("warm-up", 180);
        int seconds = Integer.getInteger("seconds", 30);
        int rounds = Integer.getInteger("rounds", 3);
        try (ConfigurableApplicationContext service = SpringApplication.run(ConventionServiceApplication.class, args)) {
            InProcessMix mix = new InProcessMix(service);
            mix.prepare(300);
            mix.createRawTable();
            long warmUpEnd = System.nanoTime() + warmUp * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                log("warm-up: %.0f commands/s", mix.perSecond(15, () -> mix::oneCommand));
            }
            for (int round = 1; round <= rounds; round++) {
                double raw = mix.perSecond(seconds, () -> new RawAppender(mix.database));
                double commands = mix.perSecond(seconds, () -> mix::oneCommand);
                log("round %d: %.0f commands/s without HTTP, raw %.0f/s, ratio %.2f", round, commands, raw,
                        commands / raw);
            }
        }
    }

    private void prepare(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<String>> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "in-process-ready-" + i;
            created.add(pool.submit(() -> {
                send("draft", id, draft(id));
                send("signature", id, signature("prefet-region"));
                send("signature", id, signature("cd-59"));
                return id;
            }));
        }
        for (Future<String> id : created) {
            inForce.add(id.get());
        }
        pool.shutdown();
    }

    /** What one thread does again and again: false for a raw append that lost a race and was rolled back. */
    private interface Work extends AutoCloseable {
        boolean once() throws Exception;

        @Override
        default void close() throws SQLException {
        }
    }

    /** Runs a work of its own on each of {@link #THREADS} threads for {@code seconds}; the rate of its successes. */
    private double perSecond(int seconds, Supplier<Work> newWork) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < THREADS; t++) {
            workers.add(pool.submit(() -> {
                try (Work work = newWork.get()) {
                    while (System.nanoTime() < end) {
                        (work.once() ? done : failed).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        if (failed.get() > 0) {
            log("%d raw appends lost the race for their sequence number and were rolled back", failed.get());
        }
        return done.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** One command of the mix, as {@code CommandMix} in the benchmark draws them. */
    private boolean oneCommand() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        if (dice < 10) {
            String id = "in-process-new-" + drafts.incrementAndGet();
            send("draft", id, draft(id));
            awaitingSignature.add(new String[]{id, "prefet-region"});
            awaitingSignature.add(new String[]{id, "cd-59"});
            return true;
        }
        if (dice < 20) {
            String[] next = awaitingSignature.poll();
            if (next != null) {
                send("signature", next[0], signature(next[1]));
                return true;
            }
        }
        String convention = dice < 30 || dice >= 40 ? inForce.get(random.nextInt(inForce.size())) : inForce.get(0);
        if (dice < 30) {
            send("avenant", convention,
                    "{\"kind\":\"MODIFICATIF\",\"signedOn\":\"2020-06-01\",\"summary\":\"Report de la date du bilan\"}");
        } else {
            send("commitment", convention, "{\"party\":\"" + (random.nextBoolean() ? "cd-59" : "prefet-region")
                    + "\",\"year\":" + (2020 + random.nextInt(5))
                    + ",\"amount\":\"1250.50\",\"axis\":\"INSERTION_EMPLOI\",\"committedOn\":\"2020-01-15\"}");
        }
        return true;
    }

    private void send(String kind, String conventionId, String body) throws Exception {
        Object command = switch (kind) {
            case "draft" -> json.readValue(body, DraftRequest.class).toCommand(conventionId, LocalDate.now(clock));
            case "signature" -> json.readValue(body, SignatureRequest.class).toCommand(conventionId);
            case "avenant" -> json.readValue(body, AvenantRequest.class).toCommand(conventionId);
            default -> json.readValue(body, CommitmentRequest.class).toCommand(conventionId);
        };
        sender.send(command, new CommandSender.CommandContext("bench-admin", UUID.randomUUID().toString(), null,
                null, null));
    }

    private void createRawTable() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("drop table if exists bench_raw_events");
            statement.execute("""
                    create table bench_raw_events (
                        globalindex bigserial primary key, aggregateidentifier varchar(255) not null,
                        sequencenumber bigint not null, type varchar(255), eventidentifier varchar(255) not null unique,
                        metadata bytea, payload bytea not null, payloadrevision varchar(255),
                        payloadtype varchar(255) not null, timestamp varchar(255) not null,
                        unique (aggregateidentifier, sequencenumber))""");
        }
    }

    /**
     * Raw appends as the benchmark's: each a transaction that reads a stream's last sequence number and inserts the
     * next event row, on a connection of its own.
     */
    private static final class RawAppender implements Work {
        private final Connection connection;
        private final PreparedStatement last;
        private final PreparedStatement insert;

        RawAppender(DataSource database) {
            try {
                connection = database.getConnection();
                connection.setAutoCommit(false);
                last = connection.prepareStatement(
                        "select max(sequencenumber) from bench_raw_events where aggregateidentifier = ?");
                insert = connection.prepareStatement("""
                        insert into bench_raw_events (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadtype, timestamp)
                        values (?, ?, 'Convention', ?, ?, ?, ?, ?)""");
            } catch (SQLException e) {
                throw new IllegalStateException("No connection for raw appends", e);
            }
        }

        @Override
        public boolean once() throws SQLException {
            String stream = "raw-" + THREADS + "-" + ThreadLocalRandom.current().nextInt(RAW_STREAMS);
            try {
                last.setString(1, stream);
                long next;
                try (ResultSet row = last.executeQuery()) {
                    row.next();
                    long max = row.getLong(1);
                    next = row.wasNull() ? 0 : max + 1;
                }
                insert.setString(1, stream);
                insert.setLong(2, next);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, RAW_METADATA);
                insert.setBytes(5, RAW_PAYLOAD);
                insert.setString(6, "fr.gouv.conventions.core.event.FundsCommitted");
                insert.setString(7, Instant.now().toString());
                insert.executeUpdate();
                connection.commit();
                return true;
            } catch (SQLException raced) {
                connection.rollback();
                return false;
            }
        }

        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    private static String signature(String party) {
        return "{\"party\":\"" + party + "\",\"signatory\":\"Signataire\",\"signedOn\":\"2019-07-10\"}";
    }

    private static String draft(String id) {
        return """
                {"id":"%s","kind":"DECLINAISON_RENFORCEE","title":"Convention de banc d'essai %s",
                 "territory":{"name":"Bassin minier","departements":["59","62"]},
                 "period":{"from":"2019-07-10","to":"2025-12-31"},
                 "parties":[{"id":"prefet-region","role":"ETAT","name":"Préfet de région","representative":"Préfet"},
                            {"id":"cd-59","role":"DEPARTEMENT","name":"Département du Nord","representative":"Président"}],
                 "axes":["INSERTION_EMPLOI","PREVENTION"],
                 "matching":[{"funder":"prefet-region","matcher":"cd-59","ratio":"1.0"}],
                 "draftedOn":"2019-07-01"}""".formatted(id, id);
    }

    private static void log(String format, Object... values) {
        System.out.println("[in-process " + Instant.now() + "] " + String.format(Locale.ROOT, format, values));
    }
}
