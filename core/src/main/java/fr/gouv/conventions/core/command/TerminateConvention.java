package fr.gouv.conventions.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Ends a convention before its term (R9). */
public record TerminateConvention(
        @TargetAggregateIdentifier String conventionId,
        LocalDate terminatedOn,
        String reason) implements ConventionCommand {

    @Override
    public LocalDate businessDate() {
        return terminatedOn;
    }
}
