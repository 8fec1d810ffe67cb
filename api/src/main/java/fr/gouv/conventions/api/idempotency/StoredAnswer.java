package fr.gouv.conventions.api.idempotency;

import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import fr.gouv.conventions.core.model.ConventionRefused;

/**
 * The first answer given to an idempotent request, with the hash of the request it answered: either what the
 * accepted command did, or the domain refusal it met.
 */
public record StoredAnswer(String requestHash, CommandOutcome outcome, ConventionRefused refusal) {

    /** The first answer again: the outcome of the accepted command, or its refusal thrown anew. */
    public CommandOutcome replay() {
        if (refusal != null) {
            throw new ConventionRefused(refusal.code(), refusal.conventionId(), refusal.getMessage(), refusal.facts());
        }
        return outcome;
    }
}
