package fr.gouv.conventions.core.model;

import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.command.SignAvenant;
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
import static fr.gouv.conventions.core.model.RealHistory.BASSIN_MINIER;
import static fr.gouv.conventions.core.model.RealHistory.PER_DEPARTEMENT;
import static fr.gouv.conventions.core.model.RealHistory.SIGNED_IN_BASSIN_MINIER;
import static fr.gouv.conventions.core.model.RealHistory.STATE_CEILING_2020;
import static fr.gouv.conventions.core.model.RealHistory.bassinMinierDrafted;
import static fr.gouv.conventions.core.model.RealHistory.bassinMinierInForce;
import static fr.gouv.conventions.core.model.RefusalCode.CEILING_EXCEEDED;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_BEFORE_ENTRY_INTO_FORCE;
import static fr.gouv.conventions.core.model.RefusalCode.DATE_IN_FUTURE;
import static fr.gouv.conventions.core.model.RefusalCode.INVALID_AMOUNT;
import static fr.gouv.conventions.core.model.RefusalCode.MISSING_INFORMATION;
import static fr.gouv.conventions.core.model.RefusalCode.NOT_A_PARTY;
import static fr.gouv.conventions.core.model.RefusalCode.NOT_IN_FORCE;
import static fr.gouv.conventions.core.model.RefusalCode.UNKNOWN_AXIS;
import static fr.gouv.conventions.core.model.RefusalCode.YEAR_OUTSIDE_PERIOD;
import static fr.gouv.conventions.core.model.Refusal.refused;

/**
 * R7 on the bassin minier convention (2019-07-10 to 2021-12-31), where the State's commitments for 2020 are
 * capped at 1 000 000.00 €.
 */
class FundsTest {

    private static final LocalDate COMMITTED_ON = date(2020, 1, 15);

    private AggregateTestFixture<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = conventionFixture();
    }

    @Test
    void aPartyCommitsFundsForAYearInsideThePeriod() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2020, PER_DEPARTEMENT))
                .expectEvents(committed("cd-59", 2020, PER_DEPARTEMENT));
    }

    @Test
    void theFirstAndLastYearsOfThePeriodAreInside() {
        fixture.given(bassinMinierInForce())
                .andGivenCommands(commit("cd-62", 2019, euros("250000.00")))
                .when(commit("cd-62", 2021, PER_DEPARTEMENT))
                .expectEvents(committed("cd-62", 2021, PER_DEPARTEMENT));
    }

    @Test
    void aCommitmentForAYearAfterThePeriodIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2022, PER_DEPARTEMENT))
                .expectException(refused(YEAR_OUTSIDE_PERIOD).naming("year", 2022)
                        .naming("from", SIGNED_IN_BASSIN_MINIER).naming("to", date(2021, 12, 31)))
                .expectNoEvents();
    }

    @Test
    void aCommitmentForAYearBeforeThePeriodIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2018, PER_DEPARTEMENT))
                .expectException(refused(YEAR_OUTSIDE_PERIOD).naming("year", 2018))
                .expectNoEvents();
    }

    @Test
    void aZeroCommitmentIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2020, euros("0.00")))
                .expectException(refused(INVALID_AMOUNT).naming("amount", euros("0.00")))
                .expectNoEvents();
    }

    @Test
    void aNegativeCommitmentIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2020, euros("-500000.00")))
                .expectException(refused(INVALID_AMOUNT).naming("amount", euros("-500000.00")))
                .expectNoEvents();
    }

    @Test
    void aCommitmentWithoutAmountIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-59", 2020, null))
                .expectException(refused(MISSING_INFORMATION).naming("field", "amount"))
                .expectNoEvents();
    }

    @Test
    void aCommitmentOnOneOfTheConventionsAxesIsAccepted() {
        fixture.given(bassinMinierInForce())
                .when(new CommitFunds(BASSIN_MINIER, "cd-62", 2020, PER_DEPARTEMENT, "INSERTION_EMPLOI",
                        "Clauses d'insertion dans la rénovation du logement minier", COMMITTED_ON))
                .expectEvents(new FundsCommitted(BASSIN_MINIER, "cd-62", 2020, PER_DEPARTEMENT, "INSERTION_EMPLOI",
                        "Clauses d'insertion dans la rénovation du logement minier", COMMITTED_ON, null));
    }

    @Test
    void aCommitmentOnAnUnknownAxisIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(new CommitFunds(BASSIN_MINIER, "cd-62", 2020, PER_DEPARTEMENT, "LOGEMENT", null,
                        COMMITTED_ON))
                .expectException(refused(UNKNOWN_AXIS).naming("axis", "LOGEMENT")
                        .naming("axes", List.of("INSERTION_EMPLOI", "PREVENTION")))
                .expectNoEvents();
    }

    @Test
    void theStateMayCommitExactlyItsCeiling() {
        fixture.given(bassinMinierInForce())
                .andGivenCommands(commit("prefet-region", 2020, PER_DEPARTEMENT))
                .when(commit("prefet-region", 2020, PER_DEPARTEMENT))
                .expectEvents(committed("prefet-region", 2020, PER_DEPARTEMENT));
    }

    @Test
    void aCommitmentOverTheCeilingIsRefusedNamingWhatRemains() {
        fixture.given(bassinMinierInForce())
                .andGivenCommands(commit("prefet-region", 2020, PER_DEPARTEMENT))
                .when(commit("prefet-region", 2020, euros("600000.00")))
                .expectException(refused(CEILING_EXCEEDED).naming("party", "prefet-region").naming("year", 2020)
                        .naming("ceiling", STATE_CEILING_2020).naming("committed", PER_DEPARTEMENT)
                        .naming("remaining", euros("500000.00")).naming("requested", euros("600000.00")))
                .expectNoEvents();
    }

    @Test
    void oneCentOverACeilingAlreadyReachedIsRefused() {
        fixture.given(bassinMinierInForce())
                .andGivenCommands(commit("prefet-region", 2020, STATE_CEILING_2020))
                .when(commit("prefet-region", 2020, euros("0.01")))
                .expectException(refused(CEILING_EXCEEDED).naming("remaining", euros("0.00")))
                .expectNoEvents();
    }

    @Test
    void theLinesOfOneFinancialAvenantCountTogetherAgainstTheCeiling() {
        SignAvenant twoLines = new SignAvenant(BASSIN_MINIER, AvenantKind.FINANCIER, date(2020, 2, 3),
                "Engagements de l'État 2020", null,
                List.of(new AvenantCommitment("prefet-region", 2020, euros("600000.00"), "INSERTION_EMPLOI", null),
                        new AvenantCommitment("prefet-region", 2020, euros("600000.00"), "PREVENTION", null)));
        fixture.given(bassinMinierInForce())
                .when(twoLines)
                .expectException(refused(CEILING_EXCEEDED).naming("committed", euros("600000.00"))
                        .naming("remaining", euros("400000.00")).naming("requested", euros("600000.00")))
                .expectNoEvents();
    }

    @Test
    void aCeilingBindsOnlyItsPartyAndYear() {
        fixture.given(bassinMinierInForce())
                .andGivenCommands(commit("prefet-region", 2020, STATE_CEILING_2020),
                        commit("prefet-region", 2021, euros("1500000.00")))
                .when(commit("cd-59", 2020, euros("1500000.00")))
                .expectEvents(committed("cd-59", 2020, euros("1500000.00")));
    }

    @Test
    void aCommitmentByANonPartyIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(commit("cd-80", 2020, PER_DEPARTEMENT))
                .expectException(refused(NOT_A_PARTY).naming("party", "cd-80"))
                .expectNoEvents();
    }

    @Test
    void aCommitmentOnAConventionNotInForceIsRefused() {
        fixture.given(bassinMinierDrafted(),
                        new ConventionSigned(BASSIN_MINIER, "prefet-region", "Préfet de région",
                                SIGNED_IN_BASSIN_MINIER))
                .when(commit("prefet-region", 2020, PER_DEPARTEMENT))
                .expectException(refused(NOT_IN_FORCE)
                        .naming("awaitingSignatureOf", List.of("prefet-62", "cd-59", "cd-62")))
                .expectNoEvents();
    }

    @Test
    void aCommitmentDatedBeforeTheEntryIntoForceIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(new CommitFunds(BASSIN_MINIER, "cd-59", 2020, PER_DEPARTEMENT, null, null, date(2019, 7, 9)))
                .expectException(refused(DATE_BEFORE_ENTRY_INTO_FORCE).naming("date", date(2019, 7, 9))
                        .naming("inForceOn", SIGNED_IN_BASSIN_MINIER))
                .expectNoEvents();
    }

    @Test
    void aCommitmentDatedAfterTodayIsRefused() {
        fixture.given(bassinMinierInForce())
                .when(new CommitFunds(BASSIN_MINIER, "cd-59", 2020, PER_DEPARTEMENT, null, null, TOMORROW))
                .expectException(refused(DATE_IN_FUTURE).naming("date", TOMORROW).naming("today", TODAY))
                .expectNoEvents();
    }

    @Test
    void commitmentsMadeByAFinancialAvenantCountAgainstTheCeilingOfLaterCommitments() {
        List<Object> history = new ArrayList<>(bassinMinierInForce());
        history.add(new FundsCommitted(BASSIN_MINIER, "prefet-region", 2020, euros("900000.00"), null, null,
                date(2020, 2, 3), 1));
        fixture.given(history)
                .when(commit("prefet-region", 2020, euros("100000.01")))
                .expectException(refused(CEILING_EXCEEDED).naming("remaining", euros("100000.00")))
                .expectNoEvents();
    }

    private static CommitFunds commit(String party, int year, Euros amount) {
        return new CommitFunds(BASSIN_MINIER, party, year, amount, null, null, COMMITTED_ON);
    }

    private static FundsCommitted committed(String party, int year, Euros amount) {
        return new FundsCommitted(BASSIN_MINIER, party, year, amount, null, null, COMMITTED_ON, null);
    }
}
