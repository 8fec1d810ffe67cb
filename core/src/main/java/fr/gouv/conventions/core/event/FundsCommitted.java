package fr.gouv.conventions.core.event;

import fr.gouv.conventions.core.model.Euros;

import java.time.LocalDate;

/**
 * A party committed funds for a year (R7). {@code axis} and {@code action} may be null; {@code avenantNumber}
 * names the financial avenant that set the commitment, or is null for a commitment recorded on its own.
 */
public record FundsCommitted(
        String conventionId,
        String party,
        int year,
        Euros amount,
        String axis,
        String action,
        LocalDate committedOn,
        Integer avenantNumber) implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return committedOn;
    }
}
