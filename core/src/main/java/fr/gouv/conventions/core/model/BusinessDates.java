package fr.gouv.conventions.core.model;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** Business dates record facts that happened: none of them may lie after today (R2). */
final class BusinessDates {

    private BusinessDates() {
    }

    static void requireNotInFuture(String conventionId, LocalDate date, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        if (date.isAfter(today)) {
            throw new ConventionRefused(RefusalCode.DATE_IN_FUTURE, conventionId,
                    "The date " + date + " lies in the future (today is " + today + ")",
                    Map.of("date", date, "today", today));
        }
    }
}
