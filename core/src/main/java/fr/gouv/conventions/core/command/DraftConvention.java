package fr.gouv.conventions.core.command;

import fr.gouv.conventions.core.model.Ceiling;
import fr.gouv.conventions.core.model.ConventionKind;
import fr.gouv.conventions.core.model.IntegratedDocument;
import fr.gouv.conventions.core.model.MatchingRule;
import fr.gouv.conventions.core.model.Party;
import fr.gouv.conventions.core.model.Period;
import fr.gouv.conventions.core.model.Territory;

import java.time.LocalDate;
import java.util.List;

/** Records the draft of a new convention (R1). {@code avenantDeadline} may be null. */
public record DraftConvention(
        String conventionId,
        ConventionKind kind,
        String title,
        Territory territory,
        Period period,
        List<Party> parties,
        List<String> axes,
        LocalDate avenantDeadline,
        List<Ceiling> ceilings,
        List<MatchingRule> matching,
        List<IntegratedDocument> integratedDocuments,
        LocalDate draftedOn) implements ConventionCommand {

    public DraftConvention {
        parties = parties == null ? List.of() : List.copyOf(parties);
        axes = axes == null ? List.of() : List.copyOf(axes);
        ceilings = ceilings == null ? List.of() : List.copyOf(ceilings);
        matching = matching == null ? List.of() : List.copyOf(matching);
        integratedDocuments = integratedDocuments == null ? List.of() : List.copyOf(integratedDocuments);
    }

    @Override
    public LocalDate businessDate() {
        return draftedOn;
    }
}
