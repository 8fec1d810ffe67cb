package fr.gouv.conventions.api.idempotency;

import fr.gouv.conventions.api.axon.CommandOutcome;

/** The first answer given to an idempotent request, with the hash of the request it answered. */
public record StoredAnswer(String requestHash, CommandOutcome outcome) {
}
