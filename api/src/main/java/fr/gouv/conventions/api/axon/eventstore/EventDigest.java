package fr.gouv.conventions.api.axon.eventstore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The link of one stored event in its convention's hash chain, computed as the SQL function {@code event_digest}
 * (migration V3) computes it, which the audit's verification runs over the stored rows: SHA-256 of the previous
 * event's hash, then the aggregate, sequence number, event id, payload type, payload revision and recording time
 * (each followed by a line feed, UTF-8), the payload's length (4 bytes, big-endian), the payload and the metadata.
 */
final class EventDigest {

    private EventDigest() {
    }

    /**
     * @param previous        the previous event's hash, null for the first event of a stream
     * @param payloadRevision null when the payload has none
     * @param recorded        the recording time as stored, in Axon's text layout
     * @param metadata        null when the event has none
     */
    static byte[] of(byte[] previous, String aggregate, long sequenceNumber, String eventId, String payloadType,
                     String payloadRevision, String recorded, byte[] payload, byte[] metadata) {
        MessageDigest sha256 = sha256();
        if (previous != null) {
            sha256.update(previous);
        }
        String identity = aggregate + '\n' + sequenceNumber + '\n' + eventId + '\n' + payloadType + '\n'
                + (payloadRevision == null ? "" : payloadRevision) + '\n' + recorded + '\n';
        sha256.update(identity.getBytes(StandardCharsets.UTF_8));
        int length = payload.length;
        sha256.update(new byte[]{(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8), (byte) length});
        sha256.update(payload);
        if (metadata != null) {
            sha256.update(metadata);
        }
        return sha256.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
