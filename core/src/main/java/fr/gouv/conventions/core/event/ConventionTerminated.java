package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** The convention was terminated; nothing more can happen to it (R9). */
public record ConventionTerminated(String conventionId, LocalDate terminatedOn, String reason)
        implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return terminatedOn;
    }
}
