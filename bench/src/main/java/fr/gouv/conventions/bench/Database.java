package fr.gouv.conventions.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.Properties;

/** The PostgreSQL under test: a fresh embedded one by default, or the one at a given JDBC URL. */
final class Database implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    final String jdbcUrl;
    final String user;
    final String password;
    final HikariDataSource pool;

    private Database(EmbeddedPostgres embedded, String jdbcUrl, String user, String password) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(40);
        this.pool = new HikariDataSource(config);
    }

    /**
     * A fresh embedded PostgreSQL. With durable commits, set as the service sets its own: each commit on disk before
     * it is answered ({@code fsync} and {@code synchronous_commit} on); without, as zonky sets it for tests (both
     * off), as in the runs before 2026-11-27 05:50.
     */
    static Database embedded(boolean durableCommits) throws IOException {
        Path folder = Files.createTempDirectory("conventions-bench-pg");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(folder.toFile())
                .setCleanDataDirectory(true).setServerConfig("max_connections", "200");
        if (durableCommits) {
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        EmbeddedPostgres postgres = builder.start();
        return new Database(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    static Database at(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
    }

    /** Where a client connects to this database, and as whom. */
    record Address(String jdbcUrl, String user, String password) {

        /** Another database of the same PostgreSQL, as the same user. */
        Address of(String databaseName) {
            int hostStart = jdbcUrl.indexOf("//");
            int nameStart = jdbcUrl.indexOf('/', hostStart + 2);
            if (hostStart < 0 || nameStart < 0) {
                throw new IllegalArgumentException("No database name in " + jdbcUrl);
            }
            int query = jdbcUrl.indexOf('?', nameStart);
            return new Address(jdbcUrl.substring(0, nameStart + 1) + databaseName
                    + (query < 0 ? "" : jdbcUrl.substring(query)), user, password);
        }
    }

    Address address() {
        return new Address(jdbcUrl, user, password);
    }

    /** Creates an empty database of that name in the same PostgreSQL. */
    void create(String databaseName) throws SQLException {
        execute("create database " + databaseName);
    }

    /** Drops a database of the same PostgreSQL, if it is there, closing whatever connections it still has. */
    void drop(String databaseName) throws SQLException {
        execute("drop database if exists " + databaseName + " with (force)");
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * PostgreSQL's postmaster, when it runs on this machine (embedded, or at a local address): the parent of a
     * connection's backend, if it is a process named {@code postgres}.
     */
    OptionalLong postmasterPid() throws SQLException {
        Properties url = org.postgresql.Driver.parseURL(jdbcUrl, new Properties());
        String host = url == null ? "" : url.getProperty("PGHOST", "");
        if (embedded == null && !host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("[::1]")) {
            return OptionalLong.empty();
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet backend = statement.executeQuery("select pg_backend_pid()")) {
            backend.next();
            OptionalLong parent = CpuTime.parentOf(backend.getLong(1));
            return parent.isPresent() && CpuTime.nameOf(parent.getAsLong()).equals("postgres") ? parent
                    : OptionalLong.empty();
        }
    }

    String description() throws SQLException {
        String settings;
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery(
                     "select 'fsync=' || current_setting('fsync') || ', synchronous_commit='"
                             + " || current_setting('synchronous_commit')")) {
            setting.next();
            settings = setting.getString(1);
        }
        return (embedded != null ? "embedded PostgreSQL 17 (zonky), fresh data folder" : jdbcUrl) + ", " + settings;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
