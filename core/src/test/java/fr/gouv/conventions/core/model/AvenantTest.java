package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.SignAvenant;
import fr.gouv.conventions.core.event.AvenantSigned;
import fr.gouv.conventions.core.event.ConventionSigned;
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
import static fr.gouv.conventions.core.model.RealHistory.SIGNED_IN_ARRAS;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisAfterFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisDrafted;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisFinancialAvenant;
import static fr.gouv.conventions.core.model.RealHistory.pasDeCalaisInForce;
import static fr.gouv.conventions.core.model.RefusalCode.AVENANT_OUT_OF_ORDER;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_BEFORE_ENTRY_INTO_FORCE;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.END_DATE_NOT_LATER;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_AVENANT;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_PERIOD;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.RefusalCode.NOT_IN_FORCE;
import static fr.gouv.conventions.core.model.RefusalCode.YEAR_OUTSIDE_PERIOD;
import static fr.gouv.conventions.core.model.Refusal.refused;

/** R3: avenants attach to a convention in force, are numbered in order, and their content fits their kind. */
class AvenantTest {

    private static final LocalDate END = date(2021, 12, 31);
    private static final LocalDate PROLONGED_END = date(2022, 12, 31);
    private static final String MODIFICATION = "Report de la date du rapport d'exécution";
    private static final String PROLONGATION = "Prolongation de la convention pour 2022";

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void anAvenantOnAConventionNotInForceIsRefused() {
        fixture.given(pasDeCalaisDrafted(),
                        new ConventionSigned(PAS_DE_CALAIS, "prefet-62", "Fabien Sudry", SIGNED_IN_ARRAS))
                .when(pasDeCalaisFinancialAvenant(date(2019, 3, 1)))
                .expectException(refused(NOT_IN_FORCE).naming("awaitingSignatureOf", List.of("cd-62")))
                .expectNoEvents();
    }

    @Test
    void anAvenantDatedBeforeTheEntryIntoForceIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(modification(date(2018, 12, 17)))
                .expectException(refused(DATE_BEFORE_ENTRY_INTO_FORCE).naming("date", date(2018, 12, 17))
                        .naming("inForceOn", SIGNED_IN_ARRAS))
                .expectNoEvents();
    }

    @Test
    void theFirstAvenantIsNumberOneAndMaySignOnTheDayOfEntryIntoForce() {
        fixture.given(pasDeCalaisInForce())
                .when(modification(SIGNED_IN_ARRAS))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.MODIFICATIF, SIGNED_IN_ARRAS,
                        MODIFICATION, null, null));
    }

    @Test
    void avenantsAreNumberedOneTwoThreeInOrder() {
        fixture.given(pasDeCalaisInForce())
                .andGivenCommands(modification(date(2019, 2, 1)), pasDeCalaisFinancialAvenant(date(2019, 3, 31)))
                .when(modification(date(2019, 6, 1)))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 3, AvenantKind.MODIFICATIF, date(2019, 6, 1),
                        MODIFICATION, null, null));
    }

    @Test
    void anAvenantDatedBeforeThePreviousOneIsRefused() {
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(modification(date(2019, 3, 30)))
                .expectException(refused(AVENANT_OUT_OF_ORDER).naming("signedOn", date(2019, 3, 30))
                        .naming("previousAvenantSignedOn", date(2019, 3, 31)))
                .expectNoEvents();
    }

    @Test
    void twoAvenantsSignedTheSameDayAreBothAccepted() {
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(modification(date(2019, 3, 31)))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 2, AvenantKind.MODIFICATIF, date(2019, 3, 31),
                        MODIFICATION, null, null));
    }

    @Test
    void aProlongationMovesTheEndDateAndKeepsThePreviousOne() {
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(prolongation(date(2021, 11, 30), PROLONGED_END))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 2, AvenantKind.PROLONGATION, date(2021, 11, 30),
                        PROLONGATION, END, PROLONGED_END));
    }

    @Test
    void aProlongationToTheCurrentEndDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(prolongation(date(2021, 11, 30), END))
                .expectException(refused(END_DATE_NOT_LATER).naming("currentEndDate", END).naming("newEndDate", END))
                .expectNoEvents();
    }

    @Test
    void aProlongationToAnEarlierEndDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(prolongation(date(2021, 11, 30), date(2021, 6, 30)))
                .expectException(refused(END_DATE_NOT_LATER).naming("currentEndDate", END)
                        .naming("newEndDate", date(2021, 6, 30)))
                .expectNoEvents();
    }

    @Test
    void aProlongationWithoutNewEndDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(prolongation(date(2021, 11, 30), null))
                .expectException(refused(END_DATE_NOT_LATER).naming("currentEndDate", END))
                .expectNoEvents();
    }

    @Test
    void anAcceptedProlongationLetsCommitmentsForTheNewYearThrough() {
        fixture.given(pasDeCalaisInForce())
                .andGivenCommands(prolongation(date(2021, 11, 30), PROLONGED_END))
                .when(new CommitFunds(PAS_DE_CALAIS, "cd-62", 2022, euros("1200000.00"), null, null,
                        date(2022, 2, 1)))
                .expectEvents(new FundsCommitted(PAS_DE_CALAIS, "cd-62", 2022, euros("1200000.00"), null, null,
                        date(2022, 2, 1), null));
    }

    @Test
    void successiveProlongationsLetAFinancialAvenantCommitForTheLastYear() {
        SignAvenant financial2023 = new SignAvenant(PAS_DE_CALAIS, AvenantKind.FINANCIER, date(2023, 1, 20),
                "Engagements financiers 2023", null,
                List.of(new AvenantCommitment("prefet-62", 2023, euros("1000000.00"), null, null)));
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .andGivenCommands(prolongation(date(2021, 11, 30), PROLONGED_END),
                        prolongation(date(2022, 11, 30), date(2023, 12, 31)))
                .when(financial2023)
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 4, AvenantKind.FINANCIER, date(2023, 1, 20),
                                "Engagements financiers 2023", null, null),
                        new FundsCommitted(PAS_DE_CALAIS, "prefet-62", 2023, euros("1000000.00"), null, null,
                                date(2023, 1, 20), 4));
    }

    @Test
    void withoutProlongationAFinancialAvenantCannotCommitBeyondTheEndYear() {
        SignAvenant financial2022 = new SignAvenant(PAS_DE_CALAIS, AvenantKind.FINANCIER, date(2021, 12, 1),
                "Engagements financiers 2022", null,
                List.of(new AvenantCommitment("prefet-62", 2022, euros("1000000.00"), null, null)));
        fixture.given(pasDeCalaisAfterFinancialAvenant())
                .when(financial2022)
                .expectException(refused(YEAR_OUTSIDE_PERIOD).naming("year", 2022).naming("to", END))
                .expectNoEvents();
    }

    @Test
    void aModifyingAvenantMayMoveTheEndDate() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 5, 2), MODIFICATION,
                        date(2021, 6, 30), List.of()))
                .expectEvents(new AvenantSigned(PAS_DE_CALAIS, 1, AvenantKind.MODIFICATIF, date(2019, 5, 2),
                        MODIFICATION, END, date(2021, 6, 30)));
    }

    @Test
    void aModifyingAvenantEndingTheConventionBeforeItStartsIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 5, 2), MODIFICATION,
                        date(2018, 12, 17), List.of()))
                .expectException(refused(INVALID_PERIOD).naming("from", date(2018, 12, 18))
                        .naming("newEndDate", date(2018, 12, 17)))
                .expectNoEvents();
    }

    @Test
    void aModifyingAvenantMayNotLeaveCommittedYearsOutsideThePeriod() {
        List<Object> history = new ArrayList<>(pasDeCalaisInForce());
        history.add(new FundsCommitted(PAS_DE_CALAIS, "cd-62", 2021, euros("1000.00"), null, null,
                date(2019, 5, 1), null));
        fixture.given(history)
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 5, 2), MODIFICATION,
                        date(2020, 12, 31), List.of()))
                .expectException(refused(INVALID_PERIOD).naming("newEndDate", date(2020, 12, 31))
                        .naming("committedYear", 2021))
                .expectNoEvents();
    }

    @Test
    void aFinancialAvenantMovingTheEndDateIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.FINANCIER, date(2019, 3, 1), "Engagements 2019",
                        PROLONGED_END, List.of()))
                .expectException(refused(INVALID_AVENANT).naming("kind", AvenantKind.FINANCIER))
                .expectNoEvents();
    }

    @Test
    void aProlongationSettingCommitmentsIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.PROLONGATION, date(2021, 11, 30), PROLONGATION,
                        PROLONGED_END, commitment2019()))
                .expectException(refused(INVALID_AVENANT).naming("kind", AvenantKind.PROLONGATION))
                .expectNoEvents();
    }

    @Test
    void aModifyingAvenantSettingCommitmentsIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 2, 1), MODIFICATION,
                        null, commitment2019()))
                .expectException(refused(INVALID_AVENANT).naming("kind", AvenantKind.MODIFICATIF))
                .expectNoEvents();
    }

    @Test
    void anAvenantWithoutSummaryIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, date(2019, 2, 1), "", null, null))
                .expectException(refused(MISSING_INFORMATION).naming("field", "summary"))
                .expectNoEvents();
    }

    @Test
    void anAvenantWithoutKindIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(new SignAvenant(PAS_DE_CALAIS, null, date(2019, 2, 1), MODIFICATION, null, null))
                .expectException(refused(MISSING_INFORMATION).naming("field", "kind"))
                .expectNoEvents();
    }

    @Test
    void anAvenantDatedAfterTodayIsRefused() {
        fixture.given(pasDeCalaisInForce())
                .when(modification(TOMORROW))
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }

    private static SignAvenant modification(LocalDate signedOn) {
        return new SignAvenant(PAS_DE_CALAIS, AvenantKind.MODIFICATIF, signedOn, MODIFICATION, null, null);
    }

    private static SignAvenant prolongation(LocalDate signedOn, LocalDate newEndDate) {
        return new SignAvenant(PAS_DE_CALAIS, AvenantKind.PROLONGATION, signedOn, PROLONGATION, newEndDate, null);
    }

    private static List<AvenantCommitment> commitment2019() {
        return new ArrayList<>(List.of(new AvenantCommitment("cd-62", 2019, euros("100000.00"), null, null)));
    }
}
