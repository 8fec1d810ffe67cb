package fr.gouv.conventions.projections;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.util.Map;

/**
 * A real PostgreSQL for this module's integration tests, holding only the read models: the migrations of this
 * module ({@code db/migration} in its resources), as the service applies them beside its own. Its connections
 * rewrite batches into multi-row statements, as the service's do. A test class registers it as a static field
 * ({@code @RegisterExtension}): it starts before the class's tests and stops after them.
 */
public final class ReadModelDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private JdbcTemplate jdbc;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource dataSource = postgres.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true"));
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }
}
