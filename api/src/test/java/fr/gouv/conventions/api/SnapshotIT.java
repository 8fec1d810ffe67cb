package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.Commands;
import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.model.ConventionRefused;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.RefusalCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Long streams: a convention with hundreds of events is snapshotted, as JSON holding its whole state, and loaded from it. */
class SnapshotIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aConventionWithHundredsOfEventsLoadsFromItsSnapshot() {
        String id = "long-stream";
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory,
                "--conventions.snapshot-threshold=100")) {
            Commands.inForce(service, id);
            for (int i = 0; i < 300; i++) {
                service.send(new CommitFunds(id, "prefet-62", 2019, Euros.of("100.00"), null, "action-" + i,
                        LocalDate.of(2019, 5, 2)));
            }
            assertThat(service.events(id)).hasSize(304);

            // Snapshots are taken on their own thread: wait until the latest stays the same for half a second.
            AtomicLong latest = new AtomicLong(-1);
            await().ignoreExceptions().pollInterval(Duration.ofMillis(500)).until(() -> {
                long sequence = (Long) latestSnapshot(service, id).get("sequencenumber");
                return latest.getAndSet(sequence) == sequence && sequence >= 200;
            });
            String snapshot = (String) latestSnapshot(service, id).get("payload");
            assertThat(snapshot).contains("\"id\":\"long-stream\"", "\"signedBy\"", "\"inForceOn\":\"2018-12-18\"",
                    "\"committed\":{\"prefet-62\":{\"2019\":");

            // What the snapshot says wins over the events it summarises: mark the convention terminated in the
            // snapshot only, and a restarted service (nothing in its cache) refuses the next command as if it had been.
            service.jdbc().update("""
                    update snapshotevententry
                       set payload = convert_to(jsonb_set(convert_from(payload, 'UTF8')::jsonb,
                                                          '{terminatedOn}', '"2019-06-01"')::text, 'UTF8')
                     where aggregateidentifier = ?""", id);
        }
        try (ServiceInstance restarted = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            assertThatThrownBy(() -> restarted.send(new CommitFunds(id, "prefet-62", 2019, Euros.of("1.00"), null,
                    null, LocalDate.of(2019, 6, 2))))
                    .isInstanceOfSatisfying(ConventionRefused.class,
                            refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.CONVENTION_TERMINATED));
        }
    }

    private static Map<String, Object> latestSnapshot(ServiceInstance service, String id) {
        return service.jdbc().queryForMap("""
                select sequencenumber, convert_from(payload, 'UTF8') as payload from snapshotevententry
                 where aggregateidentifier = ? order by sequencenumber desc limit 1""", id);
    }
}
