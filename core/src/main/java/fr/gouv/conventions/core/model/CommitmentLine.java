package fr.gouv.conventions.core.model;

import java.util.List;
import java.util.Map;

/**
 * What a line of commitment must be on its own (R7): for a year inside the period it is checked against, strictly
 * positive, on one of the convention's axes when it names one. The party and the ceiling are the convention's to
 * check, since they depend on the lines before it.
 */
final class CommitmentLine {

    private CommitmentLine() {
    }

    static void check(String conventionId, AvenantCommitment line, Period within, List<String> axes) {
        if (!within.coversYear(line.year())) {
            throw new ConventionRefused(RefusalCode.YEAR_OUTSIDE_PERIOD, conventionId,
                    "The year " + line.year() + " lies outside the convention's period, " + within.from()
                            + " to " + within.to(),
                    Map.of("year", line.year(), "from", within.from(), "to", within.to()));
        }
        if (!line.amount().isPositive()) {
            throw new ConventionRefused(RefusalCode.INVALID_AMOUNT, conventionId,
                    "A commitment must be strictly positive, not " + line.amount() + " €",
                    Map.of("amount", line.amount()));
        }
        if (line.axis() != null && !axes.contains(line.axis())) {
            throw new ConventionRefused(RefusalCode.UNKNOWN_AXIS, conventionId,
                    "The axis " + line.axis() + " is not one of the convention's axes " + axes,
                    Map.of("axis", line.axis(), "axes", List.copyOf(axes)));
        }
    }
}
