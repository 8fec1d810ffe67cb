package fr.gouv.conventions.bench;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/** The figures of one run, as markdown. */
final class Report {
    private final List<String> notes = new ArrayList<>();
    private final List<String> throughput = new ArrayList<>();
    private final List<String> rounds = new ArrayList<>();
    private final List<String> cpu = new ArrayList<>();
    private final List<String> others = new ArrayList<>();

    void note(String note) {
        notes.add(note);
    }

    /**
     * One line of the throughput table from the rounds at one concurrency: the median rates and their ratio,
     * the median p50, the worst p99, every error and the longest lag; every round's rates in a note.
     */
    void throughput(int clients, List<Rate> commands, List<Rate> raws, double lagSeconds) {
        double commandsPerSecond = median(commands.stream().mapToDouble(Rate::perSecond));
        double rawPerSecond = median(raws.stream().mapToDouble(Rate::perSecond));
        throughput.add(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %d | %.0f | %s | %.2f |",
                clients, commandsPerSecond, median(commands.stream().mapToDouble(Rate::p50Millis)),
                commands.stream().mapToDouble(Rate::p99Millis).max().orElse(Double.NaN),
                commands.stream().mapToLong(Rate::errors).sum(), rawPerSecond,
                ratio(commandsPerSecond / rawPerSecond), lagSeconds));
        String line = String.format(Locale.ROOT, "%d clients: commands/s %s; raw appends/s %s", clients,
                commands.stream().map(Report::perSecond).collect(Collectors.joining(", ", "[", "]")),
                raws.stream().map(Report::perSecond).collect(Collectors.joining(", ", "[", "]")));
        if (commands.size() == raws.size() && !commands.isEmpty()) {
            // Each round's two sides ran in alternating slices: their ratio is a paired one, which the ratio
            // of the medians, taken on each side apart, is not.
            line += IntStream.range(0, commands.size())
                    .mapToObj(round -> ratio(commands.get(round).perSecond() / raws.get(round).perSecond()))
                    .collect(Collectors.joining(", ", "; ratio by round [", "], over all rounds "))
                    + ratio(commands.stream().mapToDouble(Rate::perSecond).sum()
                    / raws.stream().mapToDouble(Rate::perSecond).sum());
        }
        rounds.add(line);
    }

    /**
     * A ratio judged against a target, with three digits: with two, 0.346 would read as the 0.35 of its target.
     */
    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** The CPU each side spent per operation at one concurrency, the median of its rounds. */
    void cpu(int clients, List<CpuTime.Reading> commands, List<CpuTime.Reading> raws) {
        List<String> parts = new ArrayList<>();
        if (!commands.isEmpty()) {
            parts.add("per command, service " + millis(commands, CpuTime.Reading::serviceMillis)
                    + ", PostgreSQL " + millis(commands, CpuTime.Reading::postgresMillis)
                    + ", load generator " + millis(commands, CpuTime.Reading::loadGeneratorMillis));
        }
        if (!raws.isEmpty()) {
            parts.add("per raw append, PostgreSQL " + millis(raws, CpuTime.Reading::postgresMillis)
                    + ", load generator " + millis(raws, CpuTime.Reading::loadGeneratorMillis));
        }
        cpu.add(clients + " clients: " + String.join("; ", parts));
    }

    private static String millis(List<CpuTime.Reading> readings, ToDoubleFunction<CpuTime.Reading> side) {
        double value = median(readings.stream().mapToDouble(side));
        return Double.isNaN(value) ? "not read" : String.format(Locale.ROOT, "%.2f ms", value);
    }

    private static double median(DoubleStream values) {
        double[] sorted = values.sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    void figure(String what, String value, String against) {
        others.add("| " + what + " | " + value + " | " + against + " |");
    }

    void memory(double peakRssMib) {
        figure("Peak resident memory of the service", String.format(Locale.ROOT, "%.0f MiB", peakRssMib),
                "target: under 512 MiB");
    }

    String markdown(Duration run, int slices, long events, LocalDateTime when) {
        StringBuilder text = new StringBuilder("## Run of " + when.withNano(0) + "\n\n");
        notes.forEach(note -> text.append("- ").append(note).append('\n'));
        text.append(String.format(Locale.ROOT, "- Each round measures %d s of raw appends and %d s of commands,"
                + " alternating in %d slices of %.1f s, each measured after %d s of load; replay over %d events"
                + "\n\n", run.toSeconds(), run.toSeconds(), slices, run.toMillis() / 1000.0 / slices,
                Benchmark.RAMP.toSeconds(), events));
        text.append("| clients | commands/s | p50 ms | p99 ms | errors | raw JDBC appends/s | ratio | projection lag s |\n");
        text.append("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        throughput.forEach(line -> text.append(line).append('\n'));
        if (!rounds.isEmpty()) {
            text.append("\nEach line: the median of its rounds (raw and HTTP slices alternate), the worst p99 and the"
                    + " longest lag. The rounds:\n\n");
            rounds.forEach(line -> text.append("- ").append(line).append('\n'));
        }
        if (!cpu.isEmpty()) {
            text.append("\nCPU time per operation, from /proc (the median of the rounds; the service's includes its"
                    + " live projection, PostgreSQL's every process of its server):\n\n");
            cpu.forEach(line -> text.append("- ").append(line).append('\n'));
        }
        text.append("\n| figure | value | against |\n|---|---:|---|\n");
        others.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    static String perSecond(Rate rate) {
        return String.format(Locale.ROOT, "%.0f", rate.perSecond());
    }
}
