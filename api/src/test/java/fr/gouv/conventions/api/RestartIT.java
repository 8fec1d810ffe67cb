package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.Commands;
import fr.gouv.conventions.core.model.ConventionRefused;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.RefusalCode;
import fr.gouv.conventions.projections.audit.ChainVerification;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static fr.gouv.conventions.api.fixture.Commands.prefetSigns;
import static fr.gouv.conventions.api.fixture.Commands.stateCommits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Durability: the embedded database keeps its data in a folder, so a restarted service knows every convention, and
 * writes each commit to disk before the command is answered.
 */
class RestartIT {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartedServiceLoadsTheSameConventionsFromTheSameDataFolder() {
        String id = "pas-de-calais-2018";
        List<String> before;
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            Commands.inForce(service, id);
            service.send(stateCommits(id, "3000000.00"));
            before = service.events(id).stream().map(DomainEventMessage::getIdentifier).toList();
        }

        try (ServiceInstance restarted = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            assertThat(restarted.events(id).stream().map(DomainEventMessage::getIdentifier).toList())
                    .hasSize(5).containsExactlyElementsOf(before);
            assertThatThrownBy(() -> restarted.send(prefetSigns(id)))
                    .isInstanceOfSatisfying(ConventionRefused.class,
                            refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.ALREADY_SIGNED));
            assertThatThrownBy(() -> restarted.send(stateCommits(id, "333333.34")))
                    .isInstanceOfSatisfying(ConventionRefused.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(RefusalCode.CEILING_EXCEEDED);
                        assertThat(refusal.facts()).containsEntry("remaining", Euros.of("333333.33"));
                    });
            restarted.send(stateCommits(id, "333333.33"));
            assertThat(restarted.events(id)).hasSize(6);
            assertThat(restarted.bean(ChainVerification.class).verify().intact())
                    .as("the restarted service chains its events onto those stored before").isTrue();
        }
    }

    @Test
    void theEmbeddedDatabaseFlushesEachCommitBeforeItIsAnswered() {
        try (ServiceInstance service = ServiceInstance.onEmbeddedDatabase(dataDirectory)) {
            assertThat(service.jdbc().queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(service.jdbc().queryForObject("show fsync", String.class)).isEqualTo("on");
        }
    }
}
