package fr.gouv.conventions.core.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The annual ceilings of each party and what it has committed so far (R7): the sum of a party's
 * commitments for a year may not exceed its ceiling for that year, where one is set.
 *
 * @param ceilings  party id, then year, to the ceiling
 * @param committed party id, then year, to the sum committed
 */
public record CeilingPolicy(Map<String, Map<Integer, Euros>> ceilings, Map<String, Map<Integer, Euros>> committed) {

    public CeilingPolicy {
        ceilings = deepCopy(ceilings);
        committed = deepCopy(committed);
    }

    public static CeilingPolicy of(Iterable<Ceiling> ceilings) {
        Map<String, Map<Integer, Euros>> byParty = new HashMap<>();
        for (Ceiling ceiling : ceilings) {
            byParty.computeIfAbsent(ceiling.party(), party -> new HashMap<>()).put(ceiling.year(), ceiling.amount());
        }
        return new CeilingPolicy(byParty, Map.of());
    }

    public Euros committed(String party, int year) {
        return committed.getOrDefault(party, Map.of()).getOrDefault(year, Euros.ZERO);
    }

    public Optional<Euros> ceiling(String party, int year) {
        return Optional.ofNullable(ceilings.getOrDefault(party, Map.of()).get(year));
    }

    /** Refuses an amount that would take the party over its ceiling for the year, naming what is left. */
    public void checkWithinCeiling(String conventionId, String party, int year, Euros amount) {
        ceiling(party, year).ifPresent(ceiling -> {
            Euros alreadyCommitted = committed(party, year);
            Euros remaining = ceiling.minus(alreadyCommitted);
            if (amount.exceeds(remaining)) {
                throw new ConventionRefused(RefusalCode.CEILING_EXCEEDED, conventionId,
                        "Committing " + amount + " € for " + party + " in " + year + " would exceed its ceiling of "
                                + ceiling + " €: " + remaining + " € remain",
                        Map.of("party", party, "year", year, "ceiling", ceiling, "committed", alreadyCommitted,
                                "remaining", remaining, "requested", amount));
            }
        });
    }

    /** The latest year for which any party has committed funds, if any has. */
    public OptionalInt latestCommittedYear() {
        return committed.values().stream().flatMap(years -> years.keySet().stream()).mapToInt(Integer::intValue).max();
    }

    public CeilingPolicy withCommitment(String party, int year, Euros amount) {
        Map<String, Map<Integer, Euros>> next = deepCopy(committed);
        next.computeIfAbsent(party, p -> new HashMap<>()).merge(year, amount, Euros::plus);
        return new CeilingPolicy(ceilings, next);
    }

    private static Map<String, Map<Integer, Euros>> deepCopy(Map<String, Map<Integer, Euros>> source) {
        Map<String, Map<Integer, Euros>> copy = new HashMap<>();
        if (source != null) {
            source.forEach((party, years) -> copy.put(party, new HashMap<>(years)));
        }
        return copy;
    }
}
