package fr.gouv.conventions.api.idempotency;

/** An idempotency key already answered a different request of the same actor. */
public class IdempotencyKeyReused extends RuntimeException {

    public IdempotencyKeyReused(String key) {
        super("The Idempotency-Key " + key + " was already used for a different request; use a new key");
    }
}
