package fr.gouv.conventions.api.axon.commandhandling;

import fr.gouv.conventions.core.command.ConventionCommand;
import fr.gouv.conventions.core.command.DraftConvention;

/**
 * What an accepted command did: the convention it changed, the version of its stream afterwards (the sequence
 * number of its latest event), and whether it created the convention.
 */
public record CommandOutcome(String conventionId, long version, boolean created) {

    /** Reads the outcome from what the aggregate's handler returned: the new version, or the id of a new draft. */
    public static CommandOutcome of(Object command, Object handlerResult) {
        if (command instanceof DraftConvention draft) {
            return new CommandOutcome(draft.conventionId(), 0, true);
        }
        return new CommandOutcome(((ConventionCommand) command).conventionId(), (Long) handlerResult, false);
    }
}
