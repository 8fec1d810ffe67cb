package fr.gouv.conventions.api;

import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.command.TerminateConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.model.AvenantKind;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static fr.gouv.conventions.api.fixture.Commands.departementSigns;
import static fr.gouv.conventions.api.fixture.Commands.draftPasDeCalais;
import static fr.gouv.conventions.api.fixture.Commands.prefetSigns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * R6 on the wall clock: an avenant deadline still open when it passes is recorded as missed by the persisted
 * deadline manager, also across a restart; a deadline already past when recorded is never scheduled. A deadline is
 * scheduled or cancelled in the transaction of the command that decides it: if either cannot be stored, neither is.
 */
class DeadlineIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String CANCELLATION_REFUSED = "cancellation refused by the test";

    @TempDir
    Path dataDirectory;

    @Test
    void anOpenDeadlineScheduledBeforeARestartIsRecordedAsMissedWhenItPasses() {
        String id = "live-deadline";
        LocalDate tomorrow = LocalDate.now(Clock.system(PARIS)).plusDays(1);
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(draftPasDeCalais(id, tomorrow));
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
            service.send(draftPasDeCalais("recorded-late"));

            assertThat(scheduledDeadlines(service)).isEmpty();
        }
    }

    @Test
    void aFulfilledDeadlineIsUnscheduled() {
        String id = "fulfilled-on-time";
        LocalDate today = LocalDate.now(Clock.system(PARIS));
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(draftPasDeCalais(id, today));
            service.send(prefetSigns(id));
            service.send(departementSigns(id));
            assertThat(scheduledDeadlines(service)).hasSize(1);

            service.send(new SignAvenant(id, AvenantKind.FINANCIER, today, "Engagements financiers", null, List.of()));

            assertThat(scheduledDeadlines(service)).isEmpty();
        }
    }

    @Test
    void aDraftRefusedAsAlreadyExistingSchedulesNoDeadline() {
        String id = "drafted-twice";
        LocalDate tomorrow = LocalDate.now(Clock.system(PARIS)).plusDays(1);
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(draftPasDeCalais(id, tomorrow));

            assertThatThrownBy(() -> service.send(draftPasDeCalais(id, tomorrow.plusDays(1))))
                    .isInstanceOf(AggregateStreamCreationException.class);

            assertThat(scheduledDeadlines(service)).containsExactly(
                    tomorrow.plusDays(1).atStartOfDay(PARIS).toInstant().toString());
        }
    }

    @Test
    void aTerminationWhoseDeadlineCannotBeCancelledIsNotStoredEither() {
        String id = "deadline-not-cancelled";
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            service.send(draftPasDeCalais(id, LocalDate.now(Clock.system(PARIS)).plusDays(1)));
            service.send(prefetSigns(id));
            service.send(departementSigns(id));
            refuseCancellations(service);

            assertThatThrownBy(() -> service.send(new TerminateConvention(id, LocalDate.now(Clock.system(PARIS)),
                    "Résiliation d'essai"))).hasStackTraceContaining(CANCELLATION_REFUSED);

            assertThat(service.events(id)).extracting(event -> event.getPayloadType().getSimpleName())
                    .doesNotContain("ConventionTerminated");
            assertThat(scheduledDeadlines(service)).hasSize(1);
        }
    }

    /** Makes the database refuse to delete a scheduled deadline, as a failing disk or a lost connection would. */
    private static void refuseCancellations(ServiceInstance service) {
        service.jdbc().execute("""
                create function refuse_cancellations() returns trigger language plpgsql as $$
                begin raise exception '%s'; end $$""".formatted(CANCELLATION_REFUSED));
        service.jdbc().execute("""
                create trigger refuse_cancellations before delete on scheduled_tasks
                   for each row execute function refuse_cancellations()""");
    }

    private static List<String> scheduledDeadlines(ServiceInstance service) {
        return service.jdbc().queryForList("select execution_time from scheduled_tasks where task_name = 'AxonDeadline'",
                java.sql.Timestamp.class).stream().map(time -> time.toInstant().toString()).toList();
    }
}
