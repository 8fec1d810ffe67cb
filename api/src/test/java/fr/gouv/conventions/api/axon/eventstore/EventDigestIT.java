package fr.gouv.conventions.api.axon.eventstore;

import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.RunningService;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service chains the events it appends with the digest the audit's verification recomputes in SQL: both must
 * give the same bytes for the same event, whatever it holds.
 */
@RunningService
class EventDigestIT {

    private static final byte[] PAYLOAD = "{\"conventionId\":\"bassin-minier-2019\",\"amount\":\"500000.00\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] METADATA = "{\"actor\":\"marie.dupont\",\"correlationId\":\"c-1\"}"
            .getBytes(StandardCharsets.UTF_8);

    static ServiceInstance service;

    @Test
    void theFirstEventOfAStreamDigestsAsInTheDatabase() {
        assertSameDigest(null, "bassin-minier-2019", 0, "3f0c1b9e-6a0f-4e43-9f1e-5d4b1f0e7a11",
                "fr.gouv.conventions.core.event.ConventionDrafted", null, "2019-07-10T08:30:00.000Z", PAYLOAD, METADATA);
    }

    @Test
    void aLaterEventDigestsItsPredecessorAsInTheDatabase() {
        byte[] previous = EventDigest.of(null, "bassin-minier-2019", 0, "e-0", "T", null, "2019-07-10T08:30:00.000Z",
                PAYLOAD, METADATA);

        assertSameDigest(previous, "bassin-minier-2019", 1, "e-1", "fr.gouv.conventions.core.event.FundsCommitted",
                "2", "2020-01-15T23:59:59.999Z", PAYLOAD, METADATA);
    }

    @Test
    void anEventWithoutMetadataWithAccentsAndALargePayloadDigestsAsInTheDatabase() {
        byte[] large = ("{\"title\":\"" + "Département du Pas-de-Calais, réfaction ".repeat(3000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(large.length).as("a length that needs the third byte of the four").isGreaterThan(65_536);

        assertSameDigest(new byte[32], "pas-de-calais-é", 12345678901L, "e-2", "Événement", "", "2026-12-01T19:00:00.123Z",
                large, null);
    }

    private static void assertSameDigest(byte[] previous, String aggregate, long sequenceNumber, String eventId,
                                         String payloadType, String payloadRevision, String recorded, byte[] payload,
                                         byte[] metadata) {
        byte[] inSql = service.jdbc().queryForObject("select event_digest(?, ?, ?, ?, ?, ?, ?, ?, ?)", byte[].class,
                previous, aggregate, sequenceNumber, eventId, payloadType, payloadRevision, recorded, payload, metadata);

        assertThat(HexFormat.of().formatHex(EventDigest.of(previous, aggregate, sequenceNumber, eventId, payloadType,
                payloadRevision, recorded, payload, metadata))).isEqualTo(HexFormat.of().formatHex(inSql));
    }
}
