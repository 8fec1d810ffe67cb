package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.model.AvenantCommitment;
import fr.gouv.conventions.core.model.AvenantKind;
import fr.gouv.conventions.core.model.Euros;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** The body of {@code POST /api/conventions/{id}/avenants}: an avenant to a convention in force (R3, R4). */
@Schema(description = "An avenant (R3, R4)")
record AvenantRequest(
        @Schema(example = "FINANCIER") @NotNull AvenantKind kind,
        @Schema(example = "2019-03-31") @NotNull LocalDate signedOn,
        @Schema(example = "Actions départementales et engagements financiers des deux parties")
        @NotBlank @Size(max = 2000) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String summary,
        @Schema(description = "For PROLONGATION (required, later than the current end) and MODIFICATIF avenants",
                example = "2022-12-31")
        LocalDate newEndDate,
        @Schema(description = "For FINANCIER avenants")
        @Size(max = 200) List<@NotNull @Valid CommitmentLine> commitments) {

    @Schema(description = "A commitment set by a financial avenant")
    record CommitmentLine(
            @Schema(example = "cd-62") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String party,
            @Schema(example = "2019") @NotNull @Min(1900) @Max(2200) Integer year,
            @Schema(example = "3333333.33") @NotNull
            @Pattern(regexp = ValidationPatterns.AMOUNT, message = ValidationPatterns.AMOUNT_MESSAGE) String amount,
            @Schema(example = "INSERTION_RSA") @Pattern(regexp = ValidationPatterns.AXIS) String axis,
            @Schema(example = "Référents de parcours") @Size(max = 300) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String action) {
    }

    SignAvenant toCommand(String conventionId) {
        return new SignAvenant(conventionId, kind, signedOn, summary, newEndDate,
                commitments == null ? List.of() : commitments.stream()
                        .map(line -> new AvenantCommitment(line.party(), line.year(), Euros.of(line.amount()),
                                line.axis(), line.action()))
                        .toList());
    }
}
