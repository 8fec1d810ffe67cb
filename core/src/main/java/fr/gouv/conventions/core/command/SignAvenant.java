package fr.gouv.conventions.core.command;

import fr.gouv.conventions.core.model.AvenantCommitment;
import fr.gouv.conventions.core.model.AvenantKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records an avenant to a convention in force (R3, R4). {@code newEndDate} is for prolongations and
 * modifying avenants, {@code commitments} for financial ones.
 */
public record SignAvenant(
        @TargetAggregateIdentifier String conventionId,
        AvenantKind kind,
        LocalDate signedOn,
        String summary,
        LocalDate newEndDate,
        List<AvenantCommitment> commitments) implements ConventionCommand {

    public SignAvenant {
        commitments = commitments == null ? List.of() : List.copyOf(commitments);
    }

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
