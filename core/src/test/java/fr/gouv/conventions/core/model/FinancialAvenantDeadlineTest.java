package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.ExtendAvenantDeadline;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.event.AvenantDeadlineExtended;
import fr.gouv.conventions.core.event.AvenantDeadlineFulfilled;
import fr.gouv.conventions.core.event.AvenantDeadlineMissed;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static fr.gouv.conventions.core.model.ConventionTesting.TODAY;
import static fr.gouv.conventions.core.model.ConventionTesting.TOMORROW;
import static fr.gouv.conventions.core.model.ConventionTesting.conventionFixture;
import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static fr.gouv.conventions.core.model.ConventionTesting.euros;
import static fr.gouv.conventions.core.model.RealHistory.PAS_DE_CALAIS;
import static fr.gouv.conventions.core.model.RealHistory.PAS_DE_CALAIS_AVENANT_DEADLINE;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisAfterFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisInForce;
import static fr.gouv.conventions.core.model.RefusalCode.AVENANT_DEADLINE_PASSED;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.DEADLINE_NOT_LATER;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.RefusalCode.NO_OPEN_DEADLINE;
import static fr.gouv.conventions.core.model.Refusal.refused;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * R4 and R5 on the Pas-de-Calais engagement convention, whose departmental actions and financial commitments
 * were to be set by an avenant before 31 March 2019.
 */
class FinancialAvenantDeadlineTest {

    private static final LocalDate DEADLINE = PAS_DE_CALAIS_AVENANT_DEADLINE;
    private static final LocalDate EXTENDED = date(2019, 6, 30);
    private static final String REASON = "Vote du budget départemental reporté";

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    // R4

    @Test
    void financialAvenantSignedOnTheDeadlineDayIsAcceptedAndFulfilsIt() {
        fixture.given(pasDeCalaisInForce())
                .when(pasDeCalaisFinancialAvenant(DEADLINE))
                .expectEvents(avenantOneSignedOn(DEADLINE).toArray());
    }

    @Test
    void financialAvenantSignedAfterDeadlineIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(pasDeCalaisFinancialAvenant(date(2019, 4, 1)))
                .expectException(refused(AVENANT_DEADLINE_PASSED).naming("deadline", DEADLINE)
                        .naming("signedOn", date(2019, 4, 1)))
                .expectExceptionMessage(allOf(containsString("2019-03-31"), containsString("2019-04-01")))
                .expectNoEvents();
    }

    @Test
    void nonFinancialAvenantsAfterTheDeadlineAreAcceptedAndDoNotFulfilIt() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 4, 15),
                        "Report de la date du rapport d'exécution", null, null))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.MODIFICATIF, date(2019, 4, 15),
                        "Report de la date du rapport d'exécution", null, null));
    }

    @Test
    void aProlongationAfterTheDeadlineIsAccepted() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.PROLONGATION, date(2019, 4, 15), "Prolongation",
                        date(2022, 12, 31), null))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.PROLONGATION, date(2019, 4, 15),
                        "Prolongation", date(2021, 12, 31), date(2022, 12, 31)));
    }

    @Test
    void aModifyingAvenantBeforeTheDeadlineLeavesItOpen() {
        fixture.given(pasDeCalaisInForce())
                .andGivenCommands(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 2, 1),
                        "Précision des actions", null, null))
                .when(pasDeCalaisFinancialAvenant(date(2019, 4, 1)))
                .expectException(refused(AVENANT_DEADLINE_PASSED).naming("deadline", DEADLINE))
                .expectNoEvents();
    }

    @Test
    void theSecondFinancialAvenantDoesNotFulfilTheDeadlineAgain() {
        SignAvenant financial2020 = new SignAvenant(PAS_DE_CALAIS, AvenantKind.FINANCIER, date(2020, 3, 2),
                "Engagements financiers 2020", null,
                List.of(new AvenantCommitment("cd-62", 2020, euros("3500000.00"), null, null)));
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(financial2020)
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 2, AvenantKind.FINANCIER, date(2020, 3, 2),
                                "Engagements financiers 2020", null, null),
                        new FundsCommitted(PAS_DE_CALAIS, "cd-62", 2020, euros("3500000.00"), null, null,
                                date(2020, 3, 2), 2));
    }

    @Test
    void aFinancialAvenantWithoutDeadlineIsAcceptedWithoutFulfilment() {
        SignAvenant financial = new SignAvenant(RealHistory.BASSIN_MINIER, AvenantKind.FINANCIER, date(2020, 2, 3),
                "Engagements 2020", null,
                List.of(new AvenantCommitment("cd-59", 2020, euros("500000.00"), "PREVENTION", null)));
        fixture.given(RealHistory.bassinMinierInForce())
                .when(financial)
                .expectEvents(new AvenantSigned(RealHistory.BASSIN_MINIER, 1, AvenantKind.FINANCIER,
                                date(2020, 2, 3), "Engagements 2020", null, null),
                        new FundsCommitted(RealHistory.BASSIN_MINIER, "cd-59", 2020, euros("500000.00"),
                                "PREVENTION", null, date(2020, 2, 3), 1));
    }

    @Test
    void onceTheDeadlineIsRecordedAsMissedItNoLongerRefusesALateFinancialAvenant() {
        // R4 refuses only while the deadline is open; a missed deadline is closed and is not fulfilled later.
        List<Object> history = new ArrayList<>(pasDeCalaisInForce());
        history.add(new AvenantDeadlineMissed(PAS_DE_CALAIS, DEADLINE, DEADLINE.plusDays(1)));
        fixture.given(history)
                .when(pasDeCalaisFinancialAvenant(date(2019, 4, 1)))
                .expectEvents(avenantOneSignedOn(date(2019, 4, 1)).subList(0, 3).toArray());
    }

    @Test
    void aFinancialAvenantDatedOnTimeButRecordedAfterTheMissFulfilsTheDeadline() {
        // The wall clock marked the deadline missed, but the avenant was in fact signed on the deadline day.
        List<Object> history = new ArrayList<>(pasDeCalaisInForce());
        history.add(new AvenantDeadlineMissed(PAS_DE_CALAIS, DEADLINE, DEADLINE.plusDays(1)));
        fixture.given(history)
                .when(pasDeCalaisFinancialAvenant(DEADLINE))
                .expectEvents(avenantOneSignedOn(DEADLINE).toArray());
    }

    // R5

    @Test
    void extendingAnOpenDeadlineRecordsTheOldAndTheNewDate() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 3, 25)))
                .expectEvents(new AvenantDeadlineExtended(PAS_DE_CALAIS, DEADLINE, EXTENDED, REASON,
                        date(2019, 3, 25)));
    }

    @Test
    void afterAnExtensionALateFinancialAvenantIsAcceptedAndFulfilsTheNewDeadline() {
        fixture.given(pasDeCalaisInForce())
                .andGivenCommands(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 3, 25)))
                .when(pasDeCalaisFinancialAvenant(date(2019, 4, 1)))
                .expectEvents(avenantOneSignedOn(date(2019, 4, 1), EXTENDED).toArray());
    }

    @Test
    void afterAnExtensionAFinancialAvenantPastTheNewDeadlineIsRefusedNamingIt() {
        fixture.given(pasDeCalaisInForce())
                .andGivenCommands(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 3, 25)))
                .when(pasDeCalaisFinancialAvenant(date(2019, 7, 1)))
                .expectException(refused(AVENANT_DEADLINE_PASSED).naming("deadline", EXTENDED))
                .expectNoEvents();
    }

    @Test
    void aDeadlineMayBeExtendedAfterItsDatePassedWhileStillOpen() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 4, 10)))
                .expectEvents(new AvenantDeadlineExtended(PAS_DE_CALAIS, DEADLINE, EXTENDED, REASON,
                        date(2019, 4, 10)));
    }

    @Test
    void extendingWithoutAnyDeadlineIsRefused() {
        fixture.given(RealHistory.bassinMinierInForce())
                .when(new ExtendAvenantDeadline(RealHistory.BASSIN_MINIER, EXTENDED, REASON, date(2019, 8, 1)))
                .expectException(refused(NO_OPEN_DEADLINE))
                .expectNoEvents();
    }

    @Test
    void extendingAFulfilledDeadlineIsRefused() {
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 4, 10)))
                .expectException(refused(NO_OPEN_DEADLINE).naming("deadline", DEADLINE)
                        .naming("state", AvenantDeadline.State.FULFILLED))
                .expectNoEvents();
    }

    @Test
    void extendingAMissedDeadlineIsRefused() {
        List<Object> history = new ArrayList<>(pasDeCalaisInForce());
        history.add(new AvenantDeadlineMissed(PAS_DE_CALAIS, DEADLINE, DEADLINE.plusDays(1)));
        fixture.given(history)
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, REASON, date(2019, 4, 10)))
                .expectException(refused(NO_OPEN_DEADLINE).naming("state", AvenantDeadline.State.MISSED))
                .expectNoEvents();
    }

    @Test
    void extendingToTheSameDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, DEADLINE, REASON, date(2019, 3, 25)))
                .expectException(refused(DEADLINE_NOT_LATER).naming("deadline", DEADLINE)
                        .naming("newDeadline", DEADLINE))
                .expectNoEvents();
    }

    @Test
    void extendingToAnEarlierDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, date(2019, 3, 15), REASON, date(2019, 3, 1)))
                .expectException(refused(DEADLINE_NOT_LATER).naming("newDeadline", date(2019, 3, 15)))
                .expectNoEvents();
    }

    @Test
    void anExtensionWithoutReasonIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, EXTENDED, " ", date(2019, 3, 25)))
                .expectException(refused(MISSING_INFORMATION).naming("field", "reason"))
                .expectNoEvents();
    }

    @Test
    void anExtensionDecidedAfterTodayIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new ExtendAvenantDeadline(PAS_DE_CALAIS, date(2027, 6, 30), REASON, TOMORROW))
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }

    /** The events of the Pas-de-Calais financial avenant number 1, fulfilling {@code deadline}. */
    private static List<Object> avenantOneSignedOn(LocalDate signedOn, LocalDate deadline) {
        SignAvenant avenant = pasDeCalaisFinancialAvenant(signedOn);
        return List.of(
                new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.FINANCIER, signedOn, avenant.summary(), null, null),
                new FundsCommitted(PAS_DE_CALAIS, "prefet-62", 2019, RealHistory.PAS_DE_CALAIS_STATE_2019,
                        RealHistory.SORTIE_ASE, null, signedOn, 1),
                new FundsCommitted(PAS_DE_CALAIS, "cd-62", 2019, RealHistory.PAS_DE_CALAIS_DEPARTEMENT_2019,
                        RealHistory.SORTIE_ASE, null, signedOn, 1),
                new AvenantDeadlineFulfilled(PAS_DE_CALAIS, deadline, 1, signedOn));
    }

    private static List<Object> avenantOneSignedOn(LocalDate signedOn) {
        return avenantOneSignedOn(signedOn, DEADLINE);
    }
}
