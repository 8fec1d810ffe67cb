package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** The first financial avenant signed on time fulfilled the avenant deadline (R4). */
public record AvenantDeadlineFulfilled(String conventionId, LocalDate deadline, int avenantNumber, LocalDate fulfilledOn)
        implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return fulfilledOn;
    }
}
