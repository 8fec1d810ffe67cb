package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.SignAvenant;

import java.time.LocalDate;
import java.util.Map;

/**
 * What each kind of avenant may change (R3): a prolongation moves the end date later, a modifying avenant may move
 * it but not before the start nor before a year already funded, a financial avenant sets commitments and leaves the
 * dates alone; only a financial avenant sets commitments.
 */
final class AvenantPolicy {

    private AvenantPolicy() {
    }

    /** The new end date the avenant sets, or null; refuses one its kind may not set. */
    static LocalDate checkedNewEndDate(String conventionId, SignAvenant command, Period period,
                                       CeilingPolicy ceilings) {
        LocalDate newEndDate = command.newEndDate();
        switch (command.kind()) {
            case PROLONGATION -> {
                if (newEndDate == null || !newEndDate.isAfter(period.to())) {
                    throw new ConventionRefused(RefusalCode.END_DATE_NOT_LATER, conventionId,
                            "A prolongation needs a new end date later than the current one, " + period.to(),
                            newEndDate == null ? Map.of("currentEndDate", period.to())
                                    : Map.of("currentEndDate", period.to(), "newEndDate", newEndDate));
                }
                requireNoCommitments(conventionId, command);
            }
            case MODIFICATIF -> {
                if (newEndDate != null && newEndDate.isBefore(period.from())) {
                    throw new ConventionRefused(RefusalCode.INVALID_PERIOD, conventionId,
                            "The new end date " + newEndDate + " falls before the start of the convention, "
                                    + period.from(),
                            Map.of("from", period.from(), "newEndDate", newEndDate));
                }
                ceilings.latestCommittedYear().ifPresent(year -> {
                    if (newEndDate != null && newEndDate.getYear() < year) {
                        throw new ConventionRefused(RefusalCode.INVALID_PERIOD, conventionId,
                                "The new end date " + newEndDate + " would leave the funds committed for " + year
                                        + " outside the convention's period",
                                Map.of("newEndDate", newEndDate, "committedYear", year));
                    }
                });
                requireNoCommitments(conventionId, command);
            }
            case FINANCIER -> {
                if (newEndDate != null) {
                    throw new ConventionRefused(RefusalCode.INVALID_AVENANT, conventionId,
                            "A financial avenant sets commitments; moving the end date takes a modifying or"
                                    + " prolongation avenant", Map.of("kind", command.kind()));
                }
            }
        }
        return newEndDate;
    }

    private static void requireNoCommitments(String conventionId, SignAvenant command) {
        if (!command.commitments().isEmpty()) {
            throw new ConventionRefused(RefusalCode.INVALID_AVENANT, conventionId,
                    "Only a financial avenant sets commitments, not a " + command.kind() + " avenant",
                    Map.of("kind", command.kind()));
        }
    }
}
