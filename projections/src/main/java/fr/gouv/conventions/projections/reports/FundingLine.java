package fr.gouv.conventions.projections.reports;

import fr.gouv.conventions.core.model.Euros;

import java.util.List;

/** What one party committed to one convention for one year, against its ceiling when one is set. */
public record FundingLine(String conventionId, List<String> departements, String party, String partyRole, int year,
                          Euros committed, Euros ceiling, Euros remaining) {
}
