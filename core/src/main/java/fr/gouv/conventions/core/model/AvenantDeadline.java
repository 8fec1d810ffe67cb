package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.deadline.DeadlineManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * The date by which a financial avenant must be signed, included (R4), and where that obligation stands.
 * An open deadline can be extended (R5); it is fulfilled by the first financial avenant on time, or missed
 * when the wall clock passes it while still open (R6).
 */
public record AvenantDeadline(LocalDate date, State state) {

    /** Where the obligation stands. */
    public enum State { OPEN, FULFILLED, MISSED }

    public static AvenantDeadline open(LocalDate date) {
        return new AvenantDeadline(date, State.OPEN);
    }

    @JsonIgnore
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** Refuses a financial avenant signed after the open deadline; the deadline day itself is on time. */
    public void checkFinancialAvenantOnTime(String conventionId, LocalDate signedOn) {
        if (isOpen() && signedOn.isAfter(date)) {
            throw new ConventionRefused(RefusalCode.AVENANT_DEADLINE_PASSED, conventionId,
                    "The financial avenant signed on " + signedOn + " comes after the avenant deadline of " + date
                            + "; extend the deadline first if it was moved",
                    Map.of("deadline", date, "signedOn", signedOn));
        }
    }

    /**
     * Schedules the wall-clock check of this deadline (R6) for the convention; one already past when it is recorded
     * is not missed by that act, so it is not scheduled. The id is a parameter: in the aggregate's constructor,
     * events only apply after it returns, so the aggregate's own id is unset there.
     */
    public void schedule(String conventionId, Clock clock, DeadlineManager deadlines) {
        Instant passesAt = passesAt(clock.getZone());
        if (passesAt.isAfter(clock.instant())) {
            deadlines.schedule(passesAt, AvenantDeadlineDue.DEADLINE_NAME,
                    new AvenantDeadlineDue(conventionId, date));
        }
    }

    /**
     * Whether a financial avenant signed on {@code signedOn} fulfils the obligation: the first one dated on or
     * before the deadline, even when it is recorded after the deadline was marked missed on the wall clock.
     */
    public boolean isFulfilledBy(LocalDate signedOn) {
        return state != State.FULFILLED && !signedOn.isAfter(date);
    }

    public void checkExtendableTo(String conventionId, LocalDate newDate) {
        if (!isOpen()) {
            throw new ConventionRefused(RefusalCode.NO_OPEN_DEADLINE, conventionId,
                    "The avenant deadline of " + date + " is " + state.name().toLowerCase() + " and can no longer be extended",
                    Map.of("deadline", date, "state", state));
        }
        if (!newDate.isAfter(date)) {
            throw new ConventionRefused(RefusalCode.DEADLINE_NOT_LATER, conventionId,
                    "The new deadline " + newDate + " must be later than the current one, " + date,
                    Map.of("deadline", date, "newDeadline", newDate));
        }
    }

    /** The moment the deadline passes: the start of the day after it, where the convention's dates are kept. */
    public Instant passesAt(ZoneId zone) {
        return date.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public AvenantDeadline extendedTo(LocalDate newDate) {
        return new AvenantDeadline(newDate, State.OPEN);
    }

    public AvenantDeadline fulfilled() {
        return new AvenantDeadline(date, State.FULFILLED);
    }

    public AvenantDeadline missed() {
        return new AvenantDeadline(date, State.MISSED);
    }
}
