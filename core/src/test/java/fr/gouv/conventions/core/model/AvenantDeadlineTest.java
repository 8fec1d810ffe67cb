package fr.gouv.conventions.core.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static fr.gouv.conventions.core.model.ConventionTesting.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The named rule of R4–R6: when a financial avenant is on time, how a deadline moves, and when it passes. */
class AvenantDeadlineTest {

    private static final String ID = "engagement-pas-de-calais-2018";
    private static final LocalDate DEADLINE = date(2019, 3, 31);
    private static final AvenantDeadline OPEN = AvenantDeadline.open(DEADLINE);

    @Test
    void aFinancialAvenantOnOrBeforeTheDeadlineDayIsOnTime() {
        assertThatCode(() -> OPEN.checkFinancialAvenantOnTime(ID, date(2019, 3, 1))).doesNotThrowAnyException();
        assertThatCode(() -> OPEN.checkFinancialAvenantOnTime(ID, DEADLINE)).doesNotThrowAnyException();
    }

    @Test
    void aFinancialAvenantTheDayAfterTheDeadlineIsRefusedNamingIt() {
        assertThatThrownBy(() -> OPEN.checkFinancialAvenantOnTime(ID, date(2019, 4, 1)))
                .isInstanceOfSatisfying(ConventionRefused.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(RefusalCode.AVENANT_DEADLINE_PASSED);
                    assertThat(refusal.conventionId()).isEqualTo(ID);
                    assertThat(refusal.facts()).containsEntry("deadline", DEADLINE)
                            .containsEntry("signedOn", date(2019, 4, 1));
                    assertThat(refusal.getMessage()).contains("2019-03-31");
                });
    }

    @Test
    void aDeadlineNoLongerOpenRefusesNothing() {
        assertThatCode(() -> OPEN.fulfilled().checkFinancialAvenantOnTime(ID, date(2020, 3, 2)))
                .doesNotThrowAnyException();
        assertThatCode(() -> OPEN.missed().checkFinancialAvenantOnTime(ID, date(2020, 3, 2)))
                .doesNotThrowAnyException();
    }

    @Test
    void anOpenDeadlineExtendsToALaterDate() {
        assertThatCode(() -> OPEN.checkExtendableTo(ID, DEADLINE.plusDays(1))).doesNotThrowAnyException();
        assertThat(OPEN.extendedTo(date(2019, 6, 30))).isEqualTo(AvenantDeadline.open(date(2019, 6, 30)));
    }

    @Test
    void aDeadlineDoesNotExtendToTheSameOrAnEarlierDate() {
        for (LocalDate notLater : new LocalDate[] {DEADLINE, DEADLINE.minusDays(1)}) {
            assertThatThrownBy(() -> OPEN.checkExtendableTo(ID, notLater))
                    .isInstanceOfSatisfying(ConventionRefused.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(RefusalCode.DEADLINE_NOT_LATER);
                        assertThat(refusal.facts()).containsEntry("deadline", DEADLINE)
                                .containsEntry("newDeadline", notLater);
                    });
        }
    }

    @Test
    void aFulfilledOrMissedDeadlineCannotBeExtended() {
        for (AvenantDeadline closed : new AvenantDeadline[] {OPEN.fulfilled(), OPEN.missed()}) {
            assertThatThrownBy(() -> closed.checkExtendableTo(ID, date(2019, 6, 30)))
                    .isInstanceOfSatisfying(ConventionRefused.class, refusal -> {
                        assertThat(refusal.code()).isEqualTo(RefusalCode.NO_OPEN_DEADLINE);
                        assertThat(refusal.facts()).containsEntry("state", closed.state());
                    });
        }
    }

    @Test
    void fulfillingOrMissingKeepsTheDateAndClosesTheDeadline() {
        assertThat(OPEN.isOpen()).isTrue();
        assertThat(OPEN.fulfilled()).isEqualTo(new AvenantDeadline(DEADLINE, AvenantDeadline.State.FULFILLED));
        assertThat(OPEN.fulfilled().isOpen()).isFalse();
        assertThat(OPEN.missed()).isEqualTo(new AvenantDeadline(DEADLINE, AvenantDeadline.State.MISSED));
        assertThat(OPEN.missed().isOpen()).isFalse();
    }

    @Test
    void theDeadlinePassesAtMidnightEndingItsDayInTheGivenZone() {
        // 31 March 2019 is the day Paris moved to summer time: the next midnight is at UTC+2.
        assertThat(OPEN.passesAt(ZoneId.of("Europe/Paris"))).isEqualTo(Instant.parse("2019-03-31T22:00:00Z"));
        assertThat(AvenantDeadline.open(date(2026, 12, 31)).passesAt(ZoneId.of("Europe/Paris")))
                .isEqualTo(Instant.parse("2026-12-31T23:00:00Z"));
    }
}
