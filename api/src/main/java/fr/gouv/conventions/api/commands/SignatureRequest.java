package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.contract.ValidationPatterns;
import fr.gouv.conventions.core.command.SignConvention;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The body of {@code POST /api/conventions/{id}/signatures}: one party signs (R2). */
@Schema(description = "A party's signature (R2)")
record SignatureRequest(
        @Schema(example = "cd-62") @NotNull @Pattern(regexp = ValidationPatterns.PARTY_ID) String party,
        @Schema(example = "Jean-Claude Leroy") @NotBlank @Size(max = 200) @Pattern(regexp = ValidationPatterns.TEXT, message = ValidationPatterns.TEXT_MESSAGE) String signatory,
        @Schema(example = "2018-12-18") @NotNull LocalDate signedOn) {

    SignConvention toCommand(String conventionId) {
        return new SignConvention(conventionId, party, signatory, signedOn);
    }
}
