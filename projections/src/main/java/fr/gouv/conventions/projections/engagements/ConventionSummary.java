package fr.gouv.conventions.projections.engagements;

import java.time.LocalDate;
import java.util.List;

/** A line of the list of current engagements. */
public record ConventionSummary(String conventionId, String kind, String title, String territoryName,
                                List<String> departements, LocalDate periodFrom, LocalDate periodTo, String status,
                                LocalDate inForceOn, LocalDate avenantDeadline, String avenantDeadlineState,
                                long version) {
}
