package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.TerminateConvention;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The body of {@code POST /api/conventions/{id}/termination}: the convention ends before its term (R9). */
@Schema(description = "The termination of a convention (R9)")
record TerminationRequest(
        @Schema(example = "2023-12-31") @NotNull LocalDate terminatedOn,
        @Schema(example = "Fin de la stratégie nationale, remplacée par le Pacte des solidarités")
        @NotBlank @Size(max = 2000) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String reason) {

    TerminateConvention toCommand(String conventionId) {
        return new TerminateConvention(conventionId, terminatedOn, reason);
    }
}
