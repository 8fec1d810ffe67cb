package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.ExtendAvenantDeadline;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The body of {@code POST /api/conventions/{id}/deadline-extensions}: the open deadline moves later (R5). */
@Schema(description = "An extension of the open avenant deadline (R5)")
record DeadlineExtensionRequest(
        @Schema(example = "2019-06-30") @NotNull LocalDate newDeadline,
        @Schema(example = "Concertation avec le conseil départemental prolongée") @NotBlank @Size(max = 2000) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String reason,
        @Schema(description = "The business date of the decision; today when absent", example = "2019-03-15")
        LocalDate decidedOn) {

    ExtendAvenantDeadline toCommand(String conventionId, LocalDate today) {
        return new ExtendAvenantDeadline(conventionId, newDeadline, reason, decidedOn == null ? today : decidedOn);
    }
}
