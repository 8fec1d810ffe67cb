package fr.gouv.conventions.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import fr.gouv.conventions.core.event.ConventionDrafted;
import fr.gouv.conventions.core.event.ConventionEnteredIntoForce;
import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.core.event.ConventionSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.PartyRole;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Real domain events, serialized as the service serializes them (Jackson JSON of the core's records, with the
 * audit metadata), appended straight to the event table in batches: the way to hold a million events without
 * waiting for a million commands. The table's trigger chains them as it does for the service's own appends.
 */
final class StoredEvents {

    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    static final LocalDate SIGNED = LocalDate.of(2019, 7, 10);
    /** The layout of the time of recording as Axon writes it (UTC, milliseconds), e.g. 2026-11-26T12:34:56.789Z. */
    private static final DateTimeFormatter RECORDED = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX")
            .withZone(ZoneOffset.UTC);

    private final DataSource database;

    StoredEvents(DataSource database) {
        this.database = database;
    }

    static ConventionDrafted draft(String id) {
        return new ConventionDrafted(id, ConventionKind.DECLINAISON_RENFORCEE, "Convention de banc d'essai " + id,
                new Territory("Bassin minier", List.of("59", "62")), new Period(SIGNED, LocalDate.of(2025, 12, 31)),
                List.of(new Party("prefet-region", PartyRole.ETAT, "Préfet de région", "Préfet de région"),
                        new Party("cd-59", PartyRole.DEPARTEMENT, "Département du Nord", "Président")),
                List.of("INSERTION_EMPLOI", "PREVENTION"), null, List.of(), List.of(), List.of(), SIGNED);
    }

    static FundsCommitted commitment(String id, int n) {
        return new FundsCommitted(id, n % 2 == 0 ? "cd-59" : "prefet-region", 2020 + n % 5, Euros.of("1250.50"),
                "INSERTION_EMPLOI", "Action " + n, LocalDate.of(2020, 1, 15), null);
    }

    /** A convention in force followed by commitments, {@code events} events in all, from sequence number 0. */
    void appendConvention(String id, int events) throws SQLException {
        appendFrom(id, 0, events);
    }

    /** Appends events to a convention from {@code firstSequence}: its draft and signatures first when at 0. */
    void appendFrom(String id, long firstSequence, int events) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                   metadata, payload, payloadrevision, payloadtype, timestamp)
                     values (?, ?, 'Convention', ?, ?, ?, null, ?, ?)""")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < events; i++) {
                long sequence = firstSequence + i;
                ConventionEvent event = sequence == 0 ? draft(id)
                        : sequence == 1 ? new ConventionSigned(id, "prefet-region", "Préfet", SIGNED)
                        : sequence == 2 ? new ConventionSigned(id, "cd-59", "Président", SIGNED)
                        : sequence == 3 ? new ConventionEnteredIntoForce(id, SIGNED)
                        : commitment(id, (int) sequence);
                insert.setString(1, id);
                insert.setLong(2, sequence);
                insert.setString(3, UUID.randomUUID().toString());
                insert.setBytes(4, bytes(Map.of("actor", "bench", "correlationId", "bench-" + id,
                        "businessDate", event.businessDate().toString())));
                insert.setBytes(5, bytes(event));
                insert.setString(6, event.getClass().getName());
                insert.setString(7, recordedNow());
                insert.addBatch();
                if (i % 2000 == 1999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    /** The time of recording of an event appended now, as the service would store it. */
    static String recordedNow() {
        return RECORDED.format(Instant.now());
    }

    static byte[] bytes(Object value) {
        try {
            return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
