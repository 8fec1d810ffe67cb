package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.ExtendAvenantDeadline;
import fr.gouv.conventions.core.command.TerminateConvention;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionTerminated;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static fr.gouv.conventions.core.model.AvenantDeadlineDue.DEADLINE_NAME;
import static fr.gouv.conventions.core.model.ConventionTesting.NOW;
import static fr.gouv.conventions.core.model.ConventionTesting.TODAY;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static fr.gouv.conventions.core.model.ConventionTesting.passes;
import static fr.gouv.conventions.core.model.LiveConvention.DEADLINE;
import static fr.gouv.conventions.core.model.LiveConvention.ID;

/**
 * R6 and the wall clock: an avenant deadline still ahead is scheduled when drafted, moved when extended,
 * cancelled when fulfilled or when the convention is terminated, and recorded as missed when it passes open.
 * The fixture's own current time starts at {@link ConventionTesting#NOW}, the instant the injected clock reads.
 */
class DeadlineSchedulingTest {

    private static final String REASON = "Le vote du budget départemental est reporté";

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void draftingWithAFutureAvenantDeadlineSchedulesItForTheEndOfThatDay() {
        fixture.givenCurrentTime(NOW)
                .when(LiveConvention.draft())
                .expectEvents(RealHistory.drafted(LiveConvention.draft()))
                .expectScheduledDeadlineWithName(passes(DEADLINE), DEADLINE_NAME)
                .expectScheduledDeadline(passes(DEADLINE), new AvenantDeadlineDue(ID, DEADLINE));
    }

    @Test
    void anAvenantDeadlineFallingTodayIsStillScheduled() {
        fixture.givenCurrentTime(NOW)
                .when(LiveConvention.draftWithDeadline(TODAY))
                .expectScheduledDeadline(passes(TODAY), new AvenantDeadlineDue(ID, TODAY));
    }

    @Test
    void draftingWithAnAvenantDeadlineAlreadyPastSchedulesNothing() {
        fixture.givenCurrentTime(NOW)
                .when(RealHistory.draftPasDeCalais())
                .expectEvents(RealHistory.pasDeCalaisDrafted())
                .expectNoScheduledDeadlines();
    }

    @Test
    void anAvenantDeadlineThatEndedYesterdayIsNotScheduled() {
        fixture.givenCurrentTime(NOW)
                .when(LiveConvention.draftWithDeadline(TODAY.minusDays(1)))
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void draftingWithoutAvenantDeadlineSchedulesNothing() {
        fixture.givenCurrentTime(NOW)
                .when(RealHistory.draftBassinMinier())
                .expectSuccessfulHandlerExecution()
                .expectNoScheduledDeadlines();
    }

    @Test
    void anOpenDeadlineThatPassesOnTheWallClockIsRecordedAsMissed() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(liveInForce())
                .whenTimeAdvancesTo(passes(DEADLINE))
                .expectEvents(new AvenantDeadlineMissed(ID, DEADLINE, DEADLINE.plusDays(1)))
                .expectTriggeredDeadlines(new AvenantDeadlineDue(ID, DEADLINE));
    }

    @Test
    void theDeadlineDayItselfIsNotMissed() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(liveInForce())
                .whenTimeAdvancesTo(passes(DEADLINE).minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadline(passes(DEADLINE), new AvenantDeadlineDue(ID, DEADLINE));
    }

    @Test
    void aFinancialAvenantOnTimeFulfilsTheDeadlineAndCancelsItsSchedule() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(liveInForce())
                .when(LiveConvention.financialAvenant(TODAY))
                .expectEvents(
                        new AvenantSigned(ID, 1, AvenantKind.FINANCIER, TODAY, "Engagements financiers 2027", null,
                                null),
                        new FundsCommitted(ID, "cd-62", 2027, euros("250000.00"), null, null, TODAY, 1),
                        new AvenantDeadlineFulfilled(ID, DEADLINE, 1, TODAY))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFulfilledDeadlineIsNotMissedWhenItsDayPasses() {
        List<Object> commands = liveInForce();
        commands.add(LiveConvention.financialAvenant(TODAY));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(commands)
                .whenTimeAdvancesTo(passes(DEADLINE).plusSeconds(1))
                .expectNoEvents()
                .expectTriggeredDeadlines();
    }

    @Test
    void anExtensionCancelsTheScheduleAndSchedulesTheNewDate() {
        LocalDate newDeadline = date(2027, 3, 31);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(LiveConvention.draft())
                .when(new ExtendAvenantDeadline(ID, newDeadline, REASON, TODAY))
                .expectEvents(new AvenantDeadlineExtended(ID, DEADLINE, newDeadline, REASON, TODAY))
                .expectScheduledDeadline(passes(newDeadline), new AvenantDeadlineDue(ID, newDeadline))
                .expectNoScheduledDeadline(passes(DEADLINE), new AvenantDeadlineDue(ID, DEADLINE));
    }

    @Test
    void afterAnExtensionOnlyTheNewDateIsMissed() {
        LocalDate newDeadline = date(2027, 3, 31);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(LiveConvention.draft(), new ExtendAvenantDeadline(ID, newDeadline, REASON, TODAY))
                .whenTimeAdvancesTo(passes(newDeadline))
                .expectEvents(new AvenantDeadlineMissed(ID, newDeadline, newDeadline.plusDays(1)))
                .expectTriggeredDeadlines(new AvenantDeadlineDue(ID, newDeadline));
    }

    @Test
    void extendingAPastDeadlineToADateStillAheadSchedulesIt() {
        LocalDate pastDeadline = date(2026, 11, 15);
        LocalDate newDeadline = date(2026, 12, 15);
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(LiveConvention.draftWithDeadline(pastDeadline))
                .when(new ExtendAvenantDeadline(ID, newDeadline, REASON, TODAY))
                .expectEvents(new AvenantDeadlineExtended(ID, pastDeadline, newDeadline, REASON, TODAY))
                .expectScheduledDeadline(passes(newDeadline), new AvenantDeadlineDue(ID, newDeadline));
    }

    @Test
    void extendingAPastDeadlineToAnotherPastDateSchedulesNothing() {
        LocalDate extendedTo = date(2019, 6, 30);
        fixture.givenCurrentTime(NOW)
                .andGiven(RealHistory.pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(RealHistory.PAS_DE_CALAIS, extendedTo, REASON, date(2019, 3, 25)))
                .expectEvents(new AvenantDeadlineExtended(RealHistory.PAS_DE_CALAIS,
                        RealHistory.PAS_DE_CALAIS_AVENANT_DEADLINE, extendedTo, REASON, date(2019, 3, 25)))
                .expectNoScheduledDeadlines();
    }

    @Test
    void terminationCancelsTheScheduledDeadline() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(liveInForce())
                .when(new TerminateConvention(ID, TODAY, "Convention remplacée"))
                .expectEvents(new ConventionTerminated(ID, TODAY, "Convention remplacée"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aTerminatedConventionDoesNotMissItsDeadline() {
        List<Object> commands = liveInForce();
        commands.add(new TerminateConvention(ID, TODAY, "Convention remplacée"));
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(commands)
                .whenTimeAdvancesTo(passes(DEADLINE).plusSeconds(1))
                .expectNoEvents()
                .expectTriggeredDeadlines();
    }

    private static List<Object> liveInForce() {
        List<Object> commands = new ArrayList<>();
        commands.add(LiveConvention.draft());
        commands.addAll(LiveConvention.signatures());
        return commands;
    }
}
