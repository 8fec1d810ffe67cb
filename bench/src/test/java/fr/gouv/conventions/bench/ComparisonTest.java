package fr.gouv.conventions.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static Rate perSecond(String what, long operations, double p99) {
        return new Rate(what, 8, operations, 1.0, 4.0, p99, 0);
    }

    private static CpuTime.Reading cpu(double service, double postgres) {
        return new CpuTime.Reading(service, postgres, 0.05);
    }

    @Test
    void eachRoundAndTheirSumGiveBothBuildsAgainstTheSameRawAppendsAndAgainstEachOther() {
        Comparison.Results results = new Comparison.Results(Path.of("a.jar"), Path.of("b.jar"), 8);

        // The first round of the paired run of 2026-12-04 15:41, and a second one that A wins.
        results.round(perSecond("raw", 5478, 3.0), 0.25, perSecond("A", 1886, 16.9), cpu(0.50, 0.47),
                perSecond("B", 2098, 14.7), cpu(0.46, 0.44));
        results.round(perSecond("raw", 5733, 3.0), 0.24, perSecond("A", 2093, 13.5), cpu(0.52, 0.48),
                perSecond("B", 2041, 13.1), cpu(0.44, 0.43));

        assertThat(results.markdown(LocalDateTime.of(2026, 12, 4, 15, 41), "embedded", 4, Duration.ofSeconds(5)))
                .contains("| 1 | 5478 | 1886 | 0.344 | 16.9 | 2098 | 0.383 | 14.7 | 1.112 |")
                .contains("| 2 | 5733 | 2093 | 0.365 | 13.5 | 2041 | 0.356 | 13.1 | 0.975 |")
                .contains("| summed | 11211 | 3979 | 0.355 | | 4139 | 0.369 | | 1.040 |")
                .contains("B made more commands than A in 1 of 2 rounds; errors: 0.")
                .contains("A, service 0.510 ms and PostgreSQL 0.475 ms; B, service 0.450 ms and PostgreSQL 0.435 ms;"
                        + " a raw append, PostgreSQL 0.245 ms.");
    }
}
