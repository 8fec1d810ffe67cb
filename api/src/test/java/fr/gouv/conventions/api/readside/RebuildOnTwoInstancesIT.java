package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.projections.ReadModelSchema;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static fr.gouv.conventions.api.fixture.Bodies.DEPARTEMENT;
import static fr.gouv.conventions.api.fixture.Bodies.ETAT;
import static fr.gouv.conventions.api.fixture.Bodies.commitment;
import static fr.gouv.conventions.api.fixture.Bodies.convention;
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild of the read models when the service is scaled out: two instances on one PostgreSQL (the embedded one of
 * the first), as the design allows. A rebuild is asked of each while the first one runs.
 *
 * <p>The read model is eventually consistent with the commands: the set-up waits (Awaitility) until
 * {@code GET /api/conventions/{id}} answers the version of each convention's last command.
 */
class RebuildOnTwoInstancesIT {

    private static final String REBUILD = "/api/admin/projections/rebuild";
    private static final int CONVENTIONS = 6;
    private static final int COMMITMENTS = 12;

    @TempDir
    static Path dataDirectory;
    static ServiceInstance first;
    static ServiceInstance second;
    static HttpApi firstHttp;
    static HttpApi secondHttp;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        first = ServiceInstance.onEmbeddedDatabase(dataDirectory.resolve("first"));
        firstHttp = first.http();
        String jdbcUrl = first.bean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
        // The second instance replays one event per transaction, so that its rebuild lasts a little.
        second = ServiceInstance.onEmbeddedDatabase(dataDirectory.resolve("second"),
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--conventions.rebuild.batch-size=1");
        secondHttp = second.http();

        for (int n = 1; n <= CONVENTIONS; n++) {
            String id = "scaled-" + n;
            firstHttp.draft(convention(id, "ENGAGEMENT", List.of("62"), "2019-01-01", "2099-12-31", null));
            firstHttp.signedByBoth(id, "2019-01-15");
            long version = 0;
            for (int k = 0; k < COMMITMENTS; k++) {
                version = firstHttp.command("/api/conventions/" + id + "/commitments",
                        commitment(k % 2 == 0 ? ETAT : DEPARTEMENT, 2019 + k % 3, (100 * n + k) + ".00", "2020-01-01"));
            }
            firstHttp.awaitVersion(id, version);
        }
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    /**
     * A rebuild asked of another instance while one runs answers the running one instead of starting a second, which
     * would empty the standby schema the first is about to switch in.
     */
    @Test
    void aRebuildAskedOfAnotherInstanceWhileOneRunsIsNotStartedTwice() throws Exception {
        long commitments = first.jdbc().queryForObject("select count(*) from convention_commitments", Long.class);
        assertThat(commitments).isEqualTo((long) CONVENTIONS * COMMITMENTS);
        HttpApi.Answer secondAnswer;
        // While the rebuilds run and end, the served read model is watched: it should never lose a commitment.
        AtomicLong fewest = new AtomicLong(commitments);
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            while (watching.get()) {
                fewest.accumulateAndGet(first.jdbc().queryForObject("select count(*) from convention_commitments",
                        Long.class), Math::min);
            }
        }, "read-model-watcher");
        try (Connection holder = first.bean(DataSource.class).getConnection();
             Statement statement = holder.createStatement()) {
            // Holds the first rebuild at its switch, once it has replayed everything into the standby schema.
            statement.execute("select pg_advisory_lock_shared(" + ReadModelSchema.SWITCH_LOCK + ")");
            try {
                HttpApi.Answer firstAnswer = firstHttp.post(REBUILD).as(ADMIN).send();
                assertThat(firstAnswer.status()).as("%s", firstAnswer).isEqualTo(202);
                await().atMost(Duration.ofSeconds(30)).until(() -> phase(firstHttp).equals("SWITCHING"));

                watcher.start();
                secondAnswer = secondHttp.post(REBUILD).as(ADMIN).send();
            } finally {
                statement.execute("select pg_advisory_unlock_shared(" + ReadModelSchema.SWITCH_LOCK + ")");
            }
        }
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> !running(firstHttp) && !running(secondHttp));
        } finally {
            watching.set(false);
            watcher.join();
        }
        Map<String, String> phases = new LinkedHashMap<>();
        phases.put("first", phase(firstHttp));
        phases.put("second", phase(secondHttp));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(secondAnswer.status()).as("a second rebuild while one runs: %s", secondAnswer)
                .isIn(200, 409);
        softly.assertThat(fewest.get()).as("the fewest commitments the public views showed while the rebuilds ended")
                .isEqualTo(commitments);
        softly.assertThat(phases).as("how the rebuilds ended").containsValues("DONE").doesNotContainValue("FAILED");
        softly.assertAll();
    }

    private static String phase(HttpApi http) {
        HttpApi.Answer answer = http.get(REBUILD).as(ADMIN).send();
        if (answer.status() == 404) {
            return "NONE";
        }
        JsonNode progress = answer.json();
        return progress.get("phase").asText();
    }

    private static boolean running(HttpApi http) {
        String phase = phase(http);
        return phase.equals("REPLAYING") || phase.equals("SWITCHING");
    }
}
