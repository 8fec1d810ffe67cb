package fr.gouv.conventions.core.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records the signature of the convention by one of its parties (R2). */
public record SignConvention(
        @TargetAggregateIdentifier String conventionId,
        String party,
        String signatory,
        LocalDate signedOn) implements ConventionCommand {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
