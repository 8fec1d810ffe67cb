package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.core.event.EventMetadata;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * One running instance of the service: the one a {@link fr.gouv.conventions.api.fixture.RunningService} test class
 * is given, or one started the way {@code java -jar} starts it, for tests that restart it or run two on one database.
 */
public final class ServiceInstance implements AutoCloseable {

    public static final String ACTOR = "test:integration";
    /** Deadlines are polled every second, so that a test does not wait the default ten for one to be missed. */
    public static final String SCHEDULER_POLLING_INTERVAL = "1s";

    private final ConfigurableApplicationContext context;
    private final HttpApi http;

    /** The service of a context already running, such as the one Spring's test context cache keeps. */
    public ServiceInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.http = new HttpApi(this);
    }

    /** The service on its embedded PostgreSQL, with its data (and generated passwords) in {@code dataDirectory}. */
    public static ServiceInstance onEmbeddedDatabase(Path dataDirectory, String... properties) {
        List<String> all = new ArrayList<>(List.of(
                "--conventions.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--conventions.embedded-postgres.port=0",
                "--conventions.security.credentials-file=" + dataDirectory.resolve("credentials.properties")));
        all.addAll(List.of(properties));
        return start(all);
    }

    /** The service on the PostgreSQL at {@code jdbcUrl}, starting no embedded one, and with no generated users. */
    public static ServiceInstance onDatabase(String jdbcUrl, String... properties) {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres", "--conventions.security.generated-users=false"));
        all.addAll(List.of(properties));
        return start(all);
    }

    private static ServiceInstance start(List<String> properties) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--db-scheduler.polling-interval=" + SCHEDULER_POLLING_INTERVAL));
        all.addAll(properties);
        return new ServiceInstance(new SpringApplicationBuilder(ConventionServiceApplication.class)
                .run(all.toArray(String[]::new)));
    }

    /** Real HTTP to this instance, as administrator unless a request says otherwise. */
    public HttpApi http() {
        return http;
    }

    /** The port the HTTP server listens on. */
    public int port() {
        return ((org.springframework.boot.web.context.WebServerApplicationContext) context).getWebServer().getPort();
    }

    public String embeddedJdbcUrl() {
        return context.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
    }

    public <T> Map<String, T> beans(Class<T> type) {
        return context.getBeansOfType(type);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** Sends a command as an identified actor, with a correlation id, and waits for its outcome. */
    public <R> R send(Object command, String correlationId) {
        return bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Map.of(EventMetadata.ACTOR, ACTOR, EventMetadata.CORRELATION_ID, correlationId)));
    }

    public <R> R send(Object command) {
        return send(command, "test-" + System.nanoTime());
    }

    /** Every stored event of the convention, from the first, not from its latest snapshot. */
    public List<? extends DomainEventMessage<?>> events(String conventionId) {
        return bean(EventStore.class).readEvents(conventionId, 0).asStream().toList();
    }

    public long storedEventCount() {
        return jdbc().queryForObject("select count(*) from domainevententry", Long.class);
    }

    /**
     * The plain password of a generated user ({@code admin}, {@code auditor}, {@code reporter}), read from the
     * credentials file the service wrote.
     */
    public String password(String user) {
        Path file = Path.of(context.getEnvironment().getRequiredProperty("conventions.security.credentials-file"));
        Properties passwords = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            passwords.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Objects.requireNonNull(passwords.getProperty(user), () -> "no generated user " + user + " in " + file);
    }

    @Override
    public void close() {
        context.close();
    }
}
