package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** Every party has signed: the convention is in force from the latest signature date (R2). */
public record ConventionEnteredIntoForce(String conventionId, LocalDate inForceOn) implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return inForceOn;
    }
}
