package fr.gouv.conventions.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.fixture.Bodies;
import fr.gouv.conventions.api.fixture.Commands;
import fr.gouv.conventions.api.fixture.RunningService;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.ConventionRefused;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.RefusalCode;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static fr.gouv.conventions.api.fixture.Commands.departementSigns;
import static fr.gouv.conventions.api.fixture.Commands.draftPasDeCalais;
import static fr.gouv.conventions.api.fixture.Commands.draftPasDeCalaisWithStateCeiling;
import static fr.gouv.conventions.api.fixture.Commands.prefetSigns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Strong consistency of commands: once the command gateway answers, its events are in the PostgreSQL event
 * store, as Jackson JSON, with who issued them, the correlation id and the business date.
 */
@RunningService
class CommandsStoreEventsIT {

    static ServiceInstance service;

    @Test
    void commandsThroughTheGatewayStoreTheirEventsInOrder() {
        String id = "stored-pas-de-calais";
        service.send(draftPasDeCalais(id), "corr-draft");
        service.send(prefetSigns(id), "corr-prefet");
        service.send(departementSigns(id), "corr-cd");
        service.send(Commands.financialAvenant(id, Bodies.financialAvenant("2019-03-31")
                .set("commitments/0/amount", "3333333.33").set("commitments/1/amount", "3333333.34")), "corr-avenant");

        List<? extends DomainEventMessage<?>> events = service.events(id);
        assertThat(events).extracting(event -> event.getPayloadType().getSimpleName()).containsExactly(
                "ConventionDrafted", "ConventionSigned", "ConventionSigned", "ConventionEnteredIntoForce",
                "AvenantSigned", "FundsCommitted", "FundsCommitted", "AvenantDeadlineFulfilled");
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(((FundsCommitted) events.get(6).getPayload()).amount()).isEqualTo(Euros.of("3333333.34"));
        assertThat(events.get(3).getMetaData())
                .containsEntry("actor", ServiceInstance.ACTOR)
                .containsEntry("correlationId", "corr-cd")
                .containsEntry("businessDate", "2018-12-18");
        assertThat(events.get(7).getMetaData())
                .containsEntry("correlationId", "corr-avenant")
                .containsEntry("businessDate", "2019-03-31");
    }

    @Test
    void eventsAreStoredAsJacksonJsonInByteaWithTheirAuditMetadata() throws Exception {
        String id = "json-check";
        service.send(draftPasDeCalaisWithStateCeiling(id), "corr-json");

        Map<String, Object> row = service.jdbc().queryForMap(
                "select payloadtype, payload, metadata from domainevententry where aggregateidentifier = ?", id);
        ObjectMapper json = new ObjectMapper();
        JsonNode payload = json.readTree(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8));
        JsonNode metadata = json.readTree(new String((byte[]) row.get("metadata"), StandardCharsets.UTF_8));
        assertThat(row.get("payloadtype")).isEqualTo(ConventionDrafted.class.getName());
        assertThat(payload.get("conventionId").asText()).isEqualTo(id);
        assertThat(payload.get("ceilings").get(0).get("amount").asText()).isEqualTo("3333333.33");
        assertThat(payload.get("avenantDeadline").asText()).isEqualTo("2019-03-31");
        assertThat(metadata.get("actor").asText()).isEqualTo(ServiceInstance.ACTOR);
        assertThat(metadata.get("correlationId").asText()).isEqualTo("corr-json");
        assertThat(metadata.get("businessDate").asText()).isEqualTo("2018-12-01");
    }

    @Test
    void everySerializerIsJacksonAndXStreamIsNotEvenOnTheClasspath() {
        service.beans(Serializer.class)
                .values().forEach(serializer -> assertThat(serializer).isInstanceOf(JacksonSerializer.class));
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aRefusedCommandStoresNothing() {
        String id = "refused";
        service.send(draftPasDeCalais(id));
        service.send(prefetSigns(id));
        long before = service.storedEventCount();

        assertThatThrownBy(() -> service.send(prefetSigns(id)))
                .isInstanceOfSatisfying(ConventionRefused.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(RefusalCode.ALREADY_SIGNED));

        assertThat(service.storedEventCount()).isEqualTo(before);
        assertThat(service.events(id)).hasSize(2);
    }

    @Test
    void aCommandThatNamesNobodyIsRefusedAndStoresNothing() {
        long before = service.storedEventCount();

        assertThatThrownBy(() -> service.bean(CommandGateway.class).sendAndWait(draftPasDeCalais("anonymous")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("attributable to a person");

        assertThat(service.storedEventCount()).isEqualTo(before);
    }

    @Test
    void aSecondDraftWithTheSameIdIsRefusedAndStoresNothing() {
        String id = "stored-drafted-twice";
        service.send(draftPasDeCalais(id));
        long before = service.storedEventCount();

        assertThatThrownBy(() -> service.send(draftPasDeCalais(id)))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(service.storedEventCount()).isEqualTo(before);
    }

    @Test
    void appendingASequenceNumberTwiceIsAConcurrencyExceptionAndStoresNothing() {
        String id = "raced";
        service.send(draftPasDeCalais(id));
        service.send(prefetSigns(id));
        long before = service.storedEventCount();
        EventStore eventStore = service.bean(EventStore.class);

        DomainEventMessage<?> sameSequence = new GenericDomainEventMessage<>("Convention", id, 1L,
                new fr.gouv.conventions.core.event.ConventionSigned(id, "cd-62", "Jean-Claude Leroy",
                        LocalDate.of(2018, 12, 18)));
        assertThatThrownBy(() -> DefaultUnitOfWork.startAndGet(null).execute(() -> eventStore.publish(sameSequence)))
                .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
                .isInstanceOf(ConcurrencyException.class);

        assertThat(service.storedEventCount()).isEqualTo(before);
    }
}
