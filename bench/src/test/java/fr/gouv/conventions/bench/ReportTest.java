package fr.gouv.conventions.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    private static Rate perSecond(long operations) {
        return new Rate("round", 8, operations, 1.0, 4.0, 20.0, 0);
    }

    @Test
    void theThroughputLineGivesTheRatioOfTheMedianRoundsWithThreeDigitsSoThatAMissDoesNotReadAsTheTarget() {
        Report report = new Report();

        // The rounds of the run of 2026-12-03 12:58: medians 1 568 and 4 527, a ratio of 0.3464.
        report.throughput(8, List.of(perSecond(1699), perSecond(1568), perSecond(1243)),
                List.of(perSecond(4561), perSecond(4527), perSecond(4320)), 0.5);

        assertThat(report.markdown(Duration.ofSeconds(20), 4, 1_000_000, LocalDateTime.of(2026, 12, 3, 12, 58)))
                .contains("| 8 | 1568 | 4.0 | 20.0 | 0 | 4527 | 0.346 | 0.50 |")
                .contains("- 8 clients: commands/s [1699, 1568, 1243]; raw appends/s [4561, 4527, 4320]; ratio by round"
                        + " [0.373, 0.346, 0.288], over all rounds 0.336");
    }
}
