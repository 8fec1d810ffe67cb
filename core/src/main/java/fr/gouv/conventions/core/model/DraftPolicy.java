package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.DraftConvention;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a draft must hold to be recorded (R1): the convention's identity, territory, period, parties and rules. */
final class DraftPolicy {

    private DraftPolicy() {
    }

    static void check(DraftConvention draft) {
        String id = draft.conventionId();
        requirePresent(id, "conventionId", id);
        requirePresent(id, "kind", draft.kind());
        requirePresent(id, "title", draft.title());
        requirePresent(id, "territory", draft.territory());
        requirePresent(id, "territory.name", draft.territory().name());
        if (draft.territory().departements().isEmpty()) {
            throw incomplete(id, "territory.departements", "a territory covers at least one département");
        }
        requirePresent(id, "period", draft.period());
        requirePresent(id, "draftedOn", draft.draftedOn());
        if (draft.axes().isEmpty()) {
            throw incomplete(id, "axes", "a convention has at least one axis");
        }
        if (!draft.period().isValid()) {
            throw new ConventionRefused(RefusalCode.INVALID_PERIOD, id,
                    "The period must have a start and an end, the end not before the start: "
                            + draft.period().from() + " to " + draft.period().to(),
                    Map.of("from", String.valueOf(draft.period().from()), "to", String.valueOf(draft.period().to())));
        }
        Set<String> partyIds = checkParties(id, draft.parties());
        checkCeilings(draft, partyIds);
        checkMatching(id, draft.matching(), partyIds);
        for (var document : draft.integratedDocuments()) {
            requirePresent(id, "integratedDocuments.title", document.title());
            requirePresent(id, "integratedDocuments.signedOn", document.signedOn());
        }
    }

    private static Set<String> checkParties(String id, List<Party> parties) {
        if (parties.size() < 2) {
            throw new ConventionRefused(RefusalCode.TOO_FEW_PARTIES, id,
                    "A convention binds at least two parties; this draft names " + parties.size(),
                    Map.of("parties", parties.size()));
        }
        Set<String> ids = new HashSet<>();
        for (Party party : parties) {
            requirePresent(id, "parties.id", party.id());
            requirePresent(id, "parties.role", party.role());
            requirePresent(id, "parties.name", party.name());
            requirePresent(id, "parties.representative", party.representative());
            if (!ids.add(party.id())) {
                throw new ConventionRefused(RefusalCode.DUPLICATE_PARTY, id,
                        "The party " + party.id() + " is named twice", Map.of("party", party.id()));
            }
        }
        return ids;
    }

    private static void checkCeilings(DraftConvention draft, Set<String> partyIds) {
        String id = draft.conventionId();
        Set<String> seen = new HashSet<>();
        for (Ceiling ceiling : draft.ceilings()) {
            requireKnownParty(id, ceiling.party(), partyIds);
            requirePresent(id, "ceilings.amount", ceiling.amount());
            if (!draft.period().coversYear(ceiling.year())) {
                throw new ConventionRefused(RefusalCode.YEAR_OUTSIDE_PERIOD, id,
                        "The ceiling for " + ceiling.year() + " lies outside the period " + draft.period().from()
                                + " to " + draft.period().to(),
                        Map.of("year", ceiling.year(), "from", draft.period().from(), "to", draft.period().to()));
            }
            if (!ceiling.amount().isPositive()) {
                throw new ConventionRefused(RefusalCode.INVALID_AMOUNT, id,
                        "A ceiling must be strictly positive, not " + ceiling.amount() + " €",
                        Map.of("amount", ceiling.amount()));
            }
            if (!seen.add(ceiling.party() + "/" + ceiling.year())) {
                throw new ConventionRefused(RefusalCode.DUPLICATE_CEILING, id,
                        "Two ceilings are set for " + ceiling.party() + " in " + ceiling.year(),
                        Map.of("party", ceiling.party(), "year", ceiling.year()));
            }
        }
    }

    private static void checkMatching(String id, List<MatchingRule> rules, Set<String> partyIds) {
        for (MatchingRule rule : rules) {
            requireKnownParty(id, rule.funder(), partyIds);
            requireKnownParty(id, rule.matcher(), partyIds);
            requirePresent(id, "matching.ratio", rule.ratio());
            if (rule.funder().equals(rule.matcher()) || rule.ratio().compareTo(BigDecimal.ZERO) <= 0) {
                throw new ConventionRefused(RefusalCode.INVALID_MATCHING, id,
                        "A matching rule needs two different parties and a positive ratio: " + rule.funder()
                                + " matched by " + rule.matcher() + " at " + rule.ratio().toPlainString(),
                        Map.of("funder", rule.funder(), "matcher", rule.matcher(), "ratio", rule.ratio()));
            }
        }
    }

    private static void requireKnownParty(String id, String party, Set<String> partyIds) {
        if (!partyIds.contains(party)) {
            throw new ConventionRefused(RefusalCode.NOT_A_PARTY, id,
                    party + " is not a party to the draft; its parties are " + partyIds,
                    Map.of("party", String.valueOf(party), "parties", List.copyOf(partyIds)));
        }
    }

    private static void requirePresent(String id, String field, Object value) {
        Required.present(id, field, value);
    }

    private static ConventionRefused incomplete(String id, String field, String reason) {
        return Required.missing(id, field, reason);
    }
}
