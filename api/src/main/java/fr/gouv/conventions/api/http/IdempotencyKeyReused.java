package fr.gouv.conventions.api.http;

/** An idempotency key already answered a different request of the same actor. */
class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused(String key) {
        super("The Idempotency-Key " + key + " was already used for a different request; use a new key");
    }
}
