package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** The avenant deadline passed on the wall clock while still open (R6); {@code missedOn} is the day after it. */
public record AvenantDeadlineMissed(String conventionId, LocalDate deadline, LocalDate missedOn)
        implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return missedOn;
    }
}
