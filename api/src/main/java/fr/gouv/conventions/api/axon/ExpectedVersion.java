package fr.gouv.conventions.api.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;


/**
 * Finds the convention a command targets from its {@code @TargetAggregateIdentifier}, and the version the
 * sender expects (HTTP {@code If-Match}) from its metadata, so that Axon's repository refuses a command on a
 * convention that has changed since, with a {@code ConflictingAggregateVersionException}.
 */
public final class ExpectedVersion implements CommandTargetResolver {

    public static final String METADATA_KEY = "expectedVersion";

    private final CommandTargetResolver identifiers = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = identifiers.resolveTarget(command);
        Object expected = command.getMetaData().get(METADATA_KEY);
        return new VersionedAggregateIdentifier(target.getIdentifierValue(),
                expected == null ? null : ((Number) expected).longValue());
    }
}
