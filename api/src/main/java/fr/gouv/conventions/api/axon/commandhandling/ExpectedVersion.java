package fr.gouv.conventions.api.axon.commandhandling;

import fr.gouv.conventions.core.command.ConventionCommand;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;


/**
 * Finds the convention a command targets, and the version the sender expects (HTTP {@code If-Match}) from its
 * metadata, so that Axon's repository refuses a command on a convention that has changed since, with a
 * {@code ConflictingAggregateVersionException}. Every command on a convention names it ({@link ConventionCommand}):
 * it is read directly rather than found by reflection on {@code @TargetAggregateIdentifier} at each command, which
 * cost measurable CPU per command (see BENCHMARKS.md#command-target).
 */
public final class ExpectedVersion implements CommandTargetResolver {

    public static final String METADATA_KEY = "expectedVersion";

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        String identifier = ((ConventionCommand) command.getPayload()).conventionId();
        Object expected = command.getMetaData().get(METADATA_KEY);
        return new VersionedAggregateIdentifier(identifier, expected == null ? null : ((Number) expected).longValue());
    }
}
