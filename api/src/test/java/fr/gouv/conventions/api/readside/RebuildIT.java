package fr.gouv.conventions.api.readside;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static fr.gouv.conventions.api.fixture.Bodies.DEPARTEMENT;
import static fr.gouv.conventions.api.fixture.Bodies.ETAT;
import static fr.gouv.conventions.api.fixture.Bodies.avenant;
import static fr.gouv.conventions.api.fixture.Bodies.avenantLine;
import static fr.gouv.conventions.api.fixture.Bodies.ceiling;
import static fr.gouv.conventions.api.fixture.Bodies.commitment;
import static fr.gouv.conventions.api.fixture.Bodies.convention;
import static fr.gouv.conventions.api.fixture.Bodies.extension;
import static fr.gouv.conventions.api.fixture.Bodies.matching;
import static fr.gouv.conventions.api.fixture.Bodies.termination;
import static fr.gouv.conventions.api.fixture.Bodies.withCeilings;
import static fr.gouv.conventions.api.fixture.Bodies.withMatching;
import static fr.gouv.conventions.api.fixture.HttpApi.ADMIN;
import static fr.gouv.conventions.api.fixture.HttpApi.ANONYMOUS;
import static fr.gouv.conventions.api.fixture.HttpApi.AUDITOR;
import static fr.gouv.conventions.api.fixture.HttpApi.REPORTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/admin/projections/rebuild} over real HTTP, on a service holding eight conventions and about 200
 * events of every kind: the rebuild replays the event store into the standby schema, switches the public views to
 * it, and every public view then holds exactly what it held before; while it runs, commands are accepted and the
 * old read model keeps being served and updated, and what they did is in the rebuilt one.
 *
 * <p>The read model is eventually consistent with the commands: before snapshotting the views, the tests wait
 * (Awaitility) until {@code GET /api/conventions/{id}} answers, for every convention, the version of its last
 * command. The rebuild runs with batches of 40 events, so that it writes in several transactions, and keeps the
 * views of 3 conventions in memory, so that it writes the others early and reads them back, from batches already
 * written and from the one being written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@OwnRunningService
@TestPropertySource(properties = {"conventions.rebuild.batch-size=40", "conventions.rebuild.views-kept=3"})
class RebuildIT {

    private static final String REBUILD = "/api/admin/projections/rebuild";
    /** The public views of the read model, the contract of reporting tools. */
    private static final List<String> VIEWS = List.of("conventions", "convention_parties", "convention_avenants",
            "convention_deadline_extensions", "convention_ceilings", "convention_matching_rules",
            "convention_commitments", "funding_by_party_year", "matching_by_year");

    static ServiceInstance service;
    static HttpApi http;
    /** The version each convention's last command answered. */
    static final Map<String, Long> versions = new ConcurrentHashMap<>();

    @BeforeAll
    static void recordTwoHundredEvents() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> recorded = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                int number = i;
                recorded.add(pool.submit(() -> record(number)));
            }
            for (Future<?> future : recorded) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(service.storedEventCount()).isBetween(190L, 230L);
    }

    /** One convention with every kind of event: about 25 of them. */
    private static void record(int number) {
        String id = "rebuild-" + number;
        String path = "/api/conventions/" + id;
        ObjectNode draft = convention(id, List.of("ENGAGEMENT", "CALPAE", "AUTRE").get(number % 3),
                number % 2 == 0 ? List.of("59") : List.of("59", "62"), "2019-01-01", "2098-12-31", "2019-03-31");
        withCeilings(draft, ceiling(ETAT, 2019, "1000000.00"), ceiling(ETAT, 2020, "900000.00"));
        withMatching(draft, matching(ETAT, DEPARTEMENT, "1.0"));
        http.draft(draft);
        long version = http.signedByBoth(id, "2019-01-15");
        if (number % 2 == 0) {
            version = http.command(path + "/deadline-extensions",
                    extension("2019-06-30", "Concertation prolongée", "2019-03-15"));
        }
        version = http.command(path + "/avenants", avenant("FINANCIER", "2019-03-31", "Engagements 2019", null,
                avenantLine(ETAT, 2019, "100000.00", "INSERTION_EMPLOI"),
                avenantLine(DEPARTEMENT, 2019, "90000.00", "PREVENTION")));
        for (int k = 0; k < 16; k++) {
            String amount = (1000 * number + k) + "." + String.format("%02d", k);
            String committedOn = LocalDate.of(2022, 1, 1).plusDays(k).toString();
            version = http.command(path + "/commitments", commitment(k % 2 == 0 ? ETAT : DEPARTEMENT, 2019 + k % 4,
                    amount, committedOn, k % 3 == 0 ? "PREVENTION" : null, k % 5 == 0 ? "Action " + k : null));
        }
        if (number % 3 == 0) {
            version = http.command(path + "/avenants",
                    avenant("PROLONGATION", "2022-02-01", "Prolongation", "2099-12-31"));
        }
        if (number == 5) {
            version = http.command(path + "/avenants", avenant("MODIFICATIF", "2022-03-01", "Comités de suivi", null));
        }
        if (number == 7) {
            version = http.command(path + "/termination", termination("2023-01-01", "Fin anticipée"));
        }
        versions.put(id, version);
    }

    @Test
    @Order(1)
    void noProgressBeforeTheFirstRebuild() {
        HttpApi.Answer answer = http.get(REBUILD).as(ADMIN).send();

        assertThat(answer.status()).as("%s", answer).isEqualTo(404);
        assertThat(answer.code()).isEqualTo("NOT_FOUND");
    }

    @Test
    @Order(2)
    void aRebuildReplaysEveryEventAndSwitchesToAnEqualReadModel() {
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before).allSatisfy((view, rows) -> assertThat(rows).as(view).isNotEmpty());
        String served = activeSchema();
        long stored = service.storedEventCount();

        HttpApi.Answer started = http.post(REBUILD).as(ADMIN).send();

        assertThat(started.status()).as("%s", started).isEqualTo(202);
        assertThat(started.header("Location")).endsWith(REBUILD);
        JsonNode progress = started.json();
        assertThat(progress.get("phase").asText()).isEqualTo("REPLAYING");
        assertThat(progress.get("total").asLong()).isEqualTo(stored);
        assertThat(progress.get("done").asLong()).isBetween(0L, stored);
        assertThat(progress.get("eventsPerSecond").isNumber()).isTrue();
        assertThat(progress.get("target").asText()).isEqualTo(other(served));

        JsonNode done = awaitDone(progress.get("id").asText());
        assertThat(done.get("done").asLong()).isEqualTo(stored);
        assertThat(done.get("total").asLong()).isEqualTo(stored);
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("failure").isNull()).isTrue();

        assertThat(activeSchema()).as("the views now point at the rebuilt schema").isEqualTo(other(served));
        assertThat(commitmentIndexes(other(served))).as("loaded without its indexes, then indexed")
                .containsExactlyInAnyOrder(
                        "CREATE UNIQUE INDEX convention_commitments_pkey ON convention_commitments"
                                + " USING btree (convention_id, sequence_number)",
                        "CREATE INDEX convention_commitments_convention_id_party_id_year_idx ON convention_commitments"
                                + " USING btree (convention_id, party_id, year)")
                .containsExactlyInAnyOrderElementsOf(commitmentIndexes(served));
        assertEqualViews(snapshot(), before);
        versions.forEach((id, version) -> assertThat(http.get("/api/conventions/" + id).as(REPORTER).send().json()
                .get("version").asLong()).as(id).isEqualTo(version));
    }

    @Test
    @Order(3)
    void commandsAndReadsKeepWorkingWhileARebuildRunsAndEndUpInTheRebuiltReadModel() throws Exception {
        awaitCaughtUp();
        String served = activeSchema();
        String standby = other(served);
        String id;
        try (Connection blocker = service.bean(DataSource.class).getConnection()) {
            // Holds the rebuild in its first step, emptying the standby schema, for as long as this test wants.
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table " + standby + ".convention_commitments in access exclusive mode");
            }

            HttpApi.Answer started = http.post(REBUILD).as(ADMIN).send();
            assertThat(started.status()).as("%s", started).isEqualTo(202);
            id = started.json().get("id").asText();
            assertThat(http.get(REBUILD).as(ADMIN).send().json().get("phase").asText()).isEqualTo("REPLAYING");

            // Commands are accepted, and the served read model, still the old one, keeps up with them.
            http.draft(convention("rebuild-during", "ENGAGEMENT", List.of("62"), "2019-01-01", "2098-12-31", null));
            http.signedByBoth("rebuild-during", "2019-02-01");
            long during = http.command("/api/conventions/rebuild-during/commitments",
                    commitment(ETAT, 2020, "4242.42", "2020-02-02"));
            versions.put("rebuild-during", during);
            versions.put("rebuild-1",
                    http.command("/api/conventions/rebuild-1/commitments",
                    commitment(DEPARTEMENT, 2021, "1234.56", "2021-06-01")));
            http.awaitVersion("rebuild-during", during);
            http.awaitVersion("rebuild-1", versions.get("rebuild-1"));
            assertThat(activeSchema()).isEqualTo(served);
            assertThat(http.get("/api/conventions?size=500").as(REPORTER).send().json().get("total").asLong())
                    .isEqualTo(9);

            HttpApi.Answer again = http.post(REBUILD).as(ADMIN).send();
            assertThat(again.status()).as("one rebuild at a time: %s", again).isEqualTo(200);
            assertThat(again.json().get("id").asText()).isEqualTo(id);
            assertThat(again.header("Location")).endsWith(REBUILD);

            blocker.rollback();
        }

        JsonNode done = awaitDone(id);
        assertThat(done.get("done").asLong()).isEqualTo(service.storedEventCount());
        assertThat(activeSchema()).isEqualTo(standby);

        // What was commanded during the rebuild is in the rebuilt read model, and later commands land there too.
        http.awaitVersion("rebuild-during", versions.get("rebuild-during"));
        http.awaitVersion("rebuild-1", versions.get("rebuild-1"));
        JdbcTemplate jdbc = service.jdbc();
        assertThat(jdbc.queryForObject("select amount::text from convention_commitments"
                + " where convention_id = 'rebuild-during'", String.class)).isEqualTo("4242.42");
        assertThat(jdbc.queryForObject("select count(*) from " + standby + ".convention_commitments"
                + " where convention_id = 'rebuild-1' and amount = 1234.56", Long.class)).isEqualTo(1);
        versions.put("rebuild-during",
                http.command("/api/conventions/rebuild-during/commitments",
                commitment(DEPARTEMENT, 2020, "4242.43", "2020-02-03")));
        http.awaitVersion("rebuild-during", versions.get("rebuild-during"));
        assertThat(jdbc.queryForObject("select committed::text from funding_by_party_year"
                + " where convention_id = 'rebuild-during' and party_id = ?", String.class, DEPARTEMENT))
                .isEqualTo("4242.43");

        // A second rebuild, back into the first schema, ends equal too.
        awaitCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot();
        HttpApi.Answer second = http.post(REBUILD).as(ADMIN).send();
        assertThat(second.status()).as("%s", second).isEqualTo(202);
        assertThat(second.json().get("id").asText()).isNotEqualTo(id);
        awaitDone(second.json().get("id").asText());
        assertThat(activeSchema()).isEqualTo(served);
        assertEqualViews(snapshot(), before);
    }

    @Test
    @Order(4)
    void onlyAdministratorsStartOrFollowARebuild() {
        for (String user : List.of(REPORTER, AUDITOR)) {
            HttpApi.Answer post = http.post(REBUILD).as(user).send();
            assertThat(post.status()).as("%s", post).isEqualTo(403);
            assertThat(post.code()).isEqualTo("FORBIDDEN");
            assertThat(http.get(REBUILD).as(user).send().status()).as(user).isEqualTo(403);
        }
        assertThat(http.post(REBUILD).as(ANONYMOUS).send().status()).isEqualTo(401);
        assertThat(http.get(REBUILD).as(ANONYMOUS).send().status()).isEqualTo(401);
    }

    private static JsonNode awaitDone(String rebuildId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            HttpApi.Answer answer = http.get(REBUILD).as(ADMIN).send();
            assertThat(answer.status()).as("%s", answer).isEqualTo(200);
            last[0] = answer.json();
            assertThat(last[0].get("id").asText()).isEqualTo(rebuildId);
            assertThat(last[0].get("phase").asText()).as("%s", last[0]).isNotEqualTo("FAILED");
            assertThat(last[0].get("phase").asText()).isEqualTo("DONE");
        });
        return last[0];
    }

    private static void awaitCaughtUp() {
        versions.forEach(http::awaitVersion);
    }

    private static String activeSchema() {
        return service.jdbc().queryForObject("select active_schema from read_model_state", String.class);
    }

    /** The definitions of the commitments table's indexes in a schema, without the schema's name. */
    private static List<String> commitmentIndexes(String schema) {
        return service.jdbc().queryForList("select replace(indexdef, schemaname || '.', '') from pg_indexes"
                + " where schemaname = ? and tablename = 'convention_commitments'", String.class, schema);
    }

    private static String other(String schema) {
        return schema.equals("rm_a") ? "rm_b" : "rm_a";
    }

    private static void assertEqualViews(Map<String, List<Map<String, Object>>> actual,
                                         Map<String, List<Map<String, Object>>> expected) {
        for (String view : VIEWS) {
            assertThat(actual.get(view)).as(view).isEqualTo(expected.get(view));
        }
    }

    /** Every row of every public view, each view ordered by all its columns. */
    private static Map<String, List<Map<String, Object>>> snapshot() {
        JdbcTemplate jdbc = service.jdbc();
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (String view : VIEWS) {
            int columns = jdbc.queryForObject("select count(*) from information_schema.columns"
                    + " where table_schema = 'public' and table_name = ?", Integer.class, view);
            String orderBy = IntStream.rangeClosed(1, columns).mapToObj(String::valueOf)
                    .collect(Collectors.joining(", "));
            snapshot.put(view, jdbc.query("select * from " + view + " order by " + orderBy, (row, n) -> {
                ResultSetMetaData meta = row.getMetaData();
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = row.getObject(c);
                    values.put(meta.getColumnName(c), value instanceof Array array
                            ? Arrays.asList((Object[]) array.getArray()) : value);
                }
                return values;
            }));
        }
        return snapshot;
    }
}
