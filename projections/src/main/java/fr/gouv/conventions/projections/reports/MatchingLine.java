package fr.gouv.conventions.projections.reports;

import fr.gouv.conventions.core.model.Euros;

import java.math.BigDecimal;
import java.util.List;

/** Whether, for one convention and year, the matcher committed at least ratio × what the funder did (R8). */
public record MatchingLine(String conventionId, List<String> departements, int year, String funder, String matcher,
                           String matcherRole, BigDecimal ratio, Euros funderCommitted, Euros matcherCommitted,
                           Euros required, Euros shortfall, boolean matched) {
}
