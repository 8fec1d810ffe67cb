package fr.gouv.conventions.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static Database embedded() throws IOException {
        Path folder = Files.createTempDirectory("conventions-bench-pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder.toFile())
                .setCleanDataDirectory(true).setServerConfig("max_connections", "200").start();
        return new Database(postgres, postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    static Database at(String jdbcUrl, String user, String password) {
        return new Database(null, jdbcUrl, user, password);
    }

    String description() {
        return embedded != null ? "embedded PostgreSQL 17 (zonky), fresh data folder" : jdbcUrl;
    }

    @Override
    public void close() throws IOException {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
