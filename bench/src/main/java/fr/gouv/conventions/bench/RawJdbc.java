package fr.gouv.conventions.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database's own limit, with nothing of the service in the way: plain JDBC on the same PostgreSQL.
 * An append is what a command needs at the very least: one transaction that reads the stream's last sequence
 * number and inserts one event row of the size of a real one, in a table like the event table but without its
 * triggers. A scan reads every stored event in global order, 1000 at a time, and parses its JSON.
 */
final class RawJdbc {

    private static final byte[] PAYLOAD = StoredEvents.bytes(StoredEvents.commitment("raw", 7));
    private static final byte[] METADATA = StoredEvents.bytes(java.util.Map.of("actor", "bench",
            "correlationId", UUID.randomUUID().toString(), "businessDate", "2020-01-15"));

    private final DataSource database;

    RawJdbc(DataSource database) {
        this.database = database;
    }

    void createAppendTable() throws SQLException {
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

    /** Appends for {@code duration} from {@code threads} threads, over {@code streams} streams chosen at random. */
    Rate append(int threads, Duration duration, int streams) throws Exception {
        Tally tally = new Tally();
        append(threads, Duration.ZERO, duration, streams, tally);
        return tally.rate("raw JDBC append", threads);
    }

    /** One slice of a round: {@code threads} append for {@code ramp}, then for the {@code measured} window. */
    void append(int threads, Duration ramp, Duration measured, int streams, Tally tally) throws Exception {
        Tally.Window window = tally.open(ramp, measured);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                try (Connection connection = database.getConnection();
                     PreparedStatement last = connection.prepareStatement(
                             "select max(sequencenumber) from bench_raw_events where aggregateidentifier = ?");
                     PreparedStatement insert = connection.prepareStatement("""
                             insert into bench_raw_events (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                           metadata, payload, payloadtype, timestamp)
                             values (?, ?, 'Convention', ?, ?, ?, ?, ?)""")) {
                    connection.setAutoCommit(false);
                    while (window.loadGoesOn()) {
                        String stream = "raw-" + threads + "-" + ThreadLocalRandom.current().nextInt(streams);
                        long begin = System.nanoTime();
                        boolean appended = true;
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
                            insert.setBytes(4, METADATA);
                            insert.setBytes(5, PAYLOAD);
                            insert.setString(6, "fr.gouv.conventions.core.event.FundsCommitted");
                            insert.setString(7, StoredEvents.recordedNow());
                            insert.executeUpdate();
                            connection.commit();
                        } catch (SQLException raced) {
                            connection.rollback();
                            appended = false;
                        }
                        tally.completed(window, begin, System.nanoTime(), appended);
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads every event of the event table in global order, 1000 at a time, parsing each payload. */
    Rate scan() throws SQLException {
        ObjectMapper json = StoredEvents.JSON;
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        long after = -1;
        try (Connection connection = database.getConnection();
             PreparedStatement page = connection.prepareStatement("""
                     select globalindex, payloadtype, payload, metadata from domainevententry
                      where globalindex > ? order by globalindex limit 1000""")) {
            while (true) {
                page.setLong(1, after);
                int rows = 0;
                try (ResultSet row = page.executeQuery()) {
                    while (row.next()) {
                        long begin = System.nanoTime();
                        after = row.getLong(1);
                        try {
                            json.readTree(row.getBytes(3));
                            json.readTree(row.getBytes(4));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                        latencies.record(begin);
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
            }
        }
        return Rate.of("raw scan and JSON parse", 1, latencies, (System.nanoTime() - started) / 1e9, 0);
    }
}
