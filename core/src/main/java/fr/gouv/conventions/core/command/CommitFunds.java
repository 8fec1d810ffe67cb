package fr.gouv.conventions.core.command;

import fr.gouv.conventions.core.model.Euros;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** Records funds a party commits to a convention for a year (R7); {@code axis} and {@code action} are optional. */
public record CommitFunds(
        @TargetAggregateIdentifier String conventionId,
        String party,
        int year,
        Euros amount,
        String axis,
        String action,
        LocalDate committedOn) implements ConventionCommand {

    @Override
    public LocalDate businessDate() {
        return committedOn;
    }
}
