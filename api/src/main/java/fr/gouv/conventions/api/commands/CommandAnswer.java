package fr.gouv.conventions.api.commands;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a command answers: the convention it changed and the version of its stream afterwards (also the ETag). */
@Schema(description = "The outcome of an accepted command")
record CommandAnswer(
        @Schema(example = "bassin-minier-2019") String conventionId,
        @Schema(description = "The sequence number of the convention's latest event", example = "4") long version) {
}
