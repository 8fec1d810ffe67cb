package fr.gouv.conventions.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TallyTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aRoundCountsWhatCompletedInsideTheWindowsOfItsSlicesOverTheirLengthButEveryErrorAndEveryOperationSent() {
        Tally tally = new Tally();

        Tally.Window first = tally.open(Duration.ofSeconds(1), Duration.ofSeconds(5));
        tally.completed(first, first.opens() - SECOND, first.opens() - 1, true);      // in the ramp: not timed
        tally.completed(first, first.opens() - SECOND, first.opens() - 1, false);     // an error counts anywhere
        tally.completed(first, first.opens() - 1, first.opens() + SECOND / 100, true); // began before, ended inside
        tally.completed(first, first.opens(), first.opens() + 2 * SECOND, true);
        tally.completed(first, first.closes() - 1, first.closes(), true);             // ended as the window closed
        Tally.Window second = tally.open(Duration.ofSeconds(1), Duration.ofSeconds(5));
        tally.completed(second, second.opens(), second.opens() + SECOND / 50, true);

        Rate rate = tally.rate("round", 8);
        assertThat(rate.operations()).isEqualTo(3);
        assertThat(rate.seconds()).isEqualTo(10.0);
        assertThat(rate.errors()).isEqualTo(1);
        assertThat(tally.sent()).isEqualTo(6);
        assertThat(rate.p99Millis()).isBetween(1990.0, 2010.0);
    }

    @Test
    void theLoadOfASliceGoesOnUntilItsWindowCloses() {
        Tally tally = new Tally();

        assertThat(tally.open(Duration.ZERO, Duration.ofMinutes(1)).loadGoesOn()).isTrue();
        assertThat(tally.open(Duration.ofSeconds(-2), Duration.ofSeconds(1)).loadGoesOn()).isFalse();
    }
}
