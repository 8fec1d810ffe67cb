package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** An administrator moved the open avenant deadline to a later date; both dates stay in history (R5). */
public record AvenantDeadlineExtended(
        String conventionId,
        LocalDate previousDeadline,
        LocalDate newDeadline,
        String reason,
        LocalDate decidedOn) implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
