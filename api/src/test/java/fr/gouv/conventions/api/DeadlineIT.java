package fr.gouv.conventions.api;

import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.model.AvenantKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static fr.gouv.conventions.api.ConventionSamples.departementSigns;
import static fr.gouv.conventions.api.ConventionSamples.pasDeCalais;
import static fr.gouv.conventions.api.ConventionSamples.prefetSigns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6 on the wall clock: an avenant deadline still open when it passes is recorded as missed by the persisted
 * deadline manager, also across a restart; a deadline already past when recorded is never scheduled.
 */
class DeadlineIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @TempDir
    Path dataDirectory;

    @Test
    void anOpenDeadlineScheduledBeforeARestartIsRecordedAsMissedWhenItPasses() {
        String id = "live-deadline";
        LocalDate tomorrow = LocalDate.now(Clock.system(PARIS)).plusDays(1);
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(pasDeCalais(id, tomorrow));
            assertThat(scheduledDeadlines(service)).containsExactly(
                    tomorrow.plusDays(1).atStartOfDay(PARIS).toInstant().toString());
        }

        try (ServiceInstance restarted = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            // The wall clock passes the deadline: bring its execution time to now rather than wait for midnight.
            restarted.jdbc().update("update scheduled_tasks set execution_time = now() where task_name = 'AxonDeadline'");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(restarted.events(id)).extracting(event -> event.getPayloadType().getSimpleName())
                            .contains("AvenantDeadlineMissed"));
            DomainEventMessage<?> missed = restarted.events(id).get(1);
            assertThat(missed.getPayload()).isEqualTo(new AvenantDeadlineMissed(id, tomorrow, tomorrow.plusDays(1)));
            assertThat(missed.getMetaData())
                    .containsEntry("actor", "system:deadline-manager")
                    .containsEntry("businessDate", tomorrow.plusDays(1).toString());
            await().untilAsserted(() -> assertThat(scheduledDeadlines(restarted)).isEmpty());
        }
    }

    @Test
    void aDeadlineAlreadyPastWhenRecordedIsNeverScheduled() {
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(pasDeCalais("recorded-late"));

            assertThat(scheduledDeadlines(service)).isEmpty();
        }
    }

    @Test
    void aFulfilledDeadlineIsUnscheduled() {
        String id = "fulfilled-on-time";
        LocalDate today = LocalDate.now(Clock.system(PARIS));
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(pasDeCalais(id, today));
            service.send(prefetSigns(id));
            service.send(departementSigns(id));
            assertThat(scheduledDeadlines(service)).hasSize(1);

            service.send(new SignAvenant(id, AvenantKind.FINANCIER, today, "Engagements financiers", null, List.of()));

            assertThat(scheduledDeadlines(service)).isEmpty();
        }
    }

    private static List<String> scheduledDeadlines(ServiceInstance service) {
        return service.jdbc().queryForList("select execution_time from scheduled_tasks where task_name = 'AxonDeadline'",
                java.sql.Timestamp.class).stream().map(time -> time.toInstant().toString()).toList();
    }
}
