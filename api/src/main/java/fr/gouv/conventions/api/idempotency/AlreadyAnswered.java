package fr.gouv.conventions.api.idempotency;

import org.axonframework.common.AxonNonTransientException;

/**
 * The idempotency key was already used by this actor: the command was not handled again, and the first answer
 * (or, if a concurrent twin won the race, a fresh read of it) is to be returned instead. Never retried.
 */
public class AlreadyAnswered extends AxonNonTransientException {

    private final transient StoredAnswer answer;

    AlreadyAnswered(StoredAnswer answer) {
        super("This idempotency key was already answered");
        this.answer = answer;
    }

    /** The first answer, or null when a concurrent twin committed it while this command ran. */
    public StoredAnswer answer() {
        return answer;
    }
}
