package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.model.Euros;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The body of {@code POST /api/conventions/{id}/commitments}: funds a party commits for a year (R7). */
@Schema(description = "Funds committed by a party for a year (R7)")
record CommitmentRequest(
        @Schema(example = "cd-59") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String party,
        @Schema(example = "2020") @NotNull @Min(1900) @Max(2200) Integer year,
        @Schema(example = "500000.00") @NotNull
        @Pattern(regexp = ValidationPatterns.AMOUNT, message = ValidationPatterns.AMOUNT_MESSAGE) String amount,
        @Schema(example = "INSERTION_EMPLOI") @Pattern(regexp = ValidationPatterns.AXIS) String axis,
        @Schema(example = "Clauses d'insertion dans la rénovation du logement minier") @Size(max = 300) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String action,
        @Schema(example = "2020-01-15") @NotNull LocalDate committedOn) {

    CommitFunds toCommand(String conventionId) {
        return new CommitFunds(conventionId, party, year, Euros.of(amount), axis, action, committedOn);
    }
}
