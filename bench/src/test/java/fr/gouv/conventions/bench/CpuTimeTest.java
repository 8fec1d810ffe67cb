package fr.gouv.conventions.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CpuTimeTest {

    /** A postmaster's line, its name holding a space and a parenthesis: 120 + 30 ticks, 700 + 50 of ended children. */
    private static final String STAT = "4242 (postgres: (main) x) S 1 4242 4242 0 -1 4194560 3021 102 0 0 120 30 700 50"
            + " 20 0 1 0 90310 224088064 5120 18446744073709551615 1 1 0 0 0 0 0 4096 16390 0 0 0 17 1 0 0 0 0 0";

    @Test
    void readsTheTicksOfAProcessAndOfItsEndedChildrenAfterANameWithSpacesAndParentheses() {
        assertThat(CpuTime.ownMillis(STAT)).isEqualTo(1500.0);
        assertThat(CpuTime.endedChildrenMillis(STAT)).isEqualTo(7500.0);
    }

    @Test
    void perOperationDividesWhatEachSideSpentSinceTheEarlierReading() {
        CpuTime.Reading before = new CpuTime.Reading(1000, 500, Double.NaN);
        CpuTime.Reading after = new CpuTime.Reading(1690, 1000, Double.NaN);

        CpuTime.Reading perCommand = after.since(before).perOperation(1000);

        assertThat(perCommand.serviceMillis()).isCloseTo(0.69, within(1e-9));
        assertThat(perCommand.postgresMillis()).isCloseTo(0.5, within(1e-9));
        assertThat(perCommand.loadGeneratorMillis()).isNaN();
    }

    @Test
    void whatTheSlicesOfARoundSpentAddsUpBeforeItIsDividedByEveryOperationTheySent() {
        CpuTime.Reading first = new CpuTime.Reading(1300, 800, 40).since(new CpuTime.Reading(1000, 500, 10));
        CpuTime.Reading second = new CpuTime.Reading(2000, 1300, 70).since(new CpuTime.Reading(1600, 1100, 50));

        CpuTime.Reading perCommand = CpuTime.Reading.NONE.plus(first).plus(second).perOperation(1400);

        assertThat(perCommand.serviceMillis()).isCloseTo(0.5, within(1e-9));
        assertThat(perCommand.postgresMillis()).isCloseTo(0.357142857, within(1e-6));
        assertThat(perCommand.loadGeneratorMillis()).isCloseTo(0.035714286, within(1e-6));
    }

    @Test
    void thisJvmsCpuTimeGrowsWithWorkAndAnUnknownPostgresIsNotRead() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "needs Linux's /proc");
        long self = ProcessHandle.current().pid();
        CpuTime cpu = new CpuTime(self, OptionalLong.empty());

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CpuTime.Reading before = cpu.read();
        long spin = threads.getCurrentThreadCpuTime() + 300_000_000L;
        double sink = 0;
        while (threads.getCurrentThreadCpuTime() < spin) {
            sink += Math.sqrt(sink + 1);
        }
        CpuTime.Reading after = cpu.read();

        assertThat(sink).isPositive();
        assertThat(after.loadGeneratorMillis() - before.loadGeneratorMillis()).isGreaterThanOrEqualTo(280);
        assertThat(after.serviceMillis()).isGreaterThanOrEqualTo(before.loadGeneratorMillis() + 280);
        assertThat(after.postgresMillis()).isNaN();
        assertThat(CpuTime.parentOf(self)).isEqualTo(OptionalLong.of(ProcessHandle.current().parent().orElseThrow().pid()));
    }
}
