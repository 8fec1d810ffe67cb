package fr.gouv.conventions.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL for this module's integration tests, holding only the read models: the migrations of this
 * module ({@code db/migration} in its resources), as the service applies them beside its own. Its connections
 * rewrite batches into multi-row statements, as the service's do.
 */
public final class ReadModelDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;

    private ReadModelDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        DataSource dataSource = postgres.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public static ReadModelDatabase start() {
        try {
            return new ReadModelDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start", e);
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not stop", e);
        }
    }
}
