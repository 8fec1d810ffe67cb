package fr.gouv.conventions.api.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A command sent with an {@code Idempotency-Key}: the key is the actor's own, and the request hash tells a true
 * retry from a different request that reuses the key.
 */
public record IdempotentRequest(String actor, String key, String requestHash) {

    static final String KEY = "idempotencyKey";
    static final String REQUEST_HASH = "idempotencyRequestHash";

    public static IdempotentRequest of(String actor, String key, String request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(request.getBytes(StandardCharsets.UTF_8));
            return new IdempotentRequest(actor, key, HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The command metadata that carries the key into the command's unit of work. */
    public Map<String, String> metadata() {
        return Map.of(KEY, key, REQUEST_HASH, requestHash);
    }
}
