package fr.gouv.conventions.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Moves an open avenant deadline to a later date, for a reason, decided on {@code decidedOn} (R5). */
public record ExtendAvenantDeadline(
        @TargetAggregateIdentifier String conventionId,
        LocalDate newDeadline,
        String reason,
        LocalDate decidedOn) implements ConventionCommand {

    @Override
    public LocalDate businessDate() {
        return decidedOn;
    }
}
