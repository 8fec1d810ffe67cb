package fr.gouv.conventions.core.event;

import fr.gouv.conventions.core.model.AvenantKind;

import java.time.LocalDate;

/**
 * Avenant number {@code number} was signed (R3). Where it moves the end date, {@code previousEndDate} and
 * {@code newEndDate} are set; otherwise both are null. Its commitments follow as {@link FundsCommitted} events.
 */
public record AvenantSigned(
        String conventionId,
        int number,
        AvenantKind kind,
        LocalDate signedOn,
        String summary,
        LocalDate previousEndDate,
        LocalDate newEndDate) implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
