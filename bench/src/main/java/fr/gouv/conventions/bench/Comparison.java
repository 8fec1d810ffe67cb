package fr.gouv.conventions.bench;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Two builds of the service measured in the same rounds ({@code --compare-jar}): each on a database of its own in
 * the same PostgreSQL, both warmed up, then rounds whose slices alternate raw appends, one build and the other (which
 * goes first alternates too), so that both meet the machine as it is in the same half-minute. On this machine the
 * ratio of one full run moves by a tenth from one run to the next, as much as a change worth having: two builds
 * measured in separate runs cannot be told apart, the same two measured here can.
 */
final class Comparison {

    /** One side of the comparison: a build of the service, running on its own database. */
    private record Side(String name, Path jar, ServiceProcess service, CommandMix mix, CpuTime cpu) {
    }

    private final Database database;
    private final List<String> jvmOptions;
    private final Path publicKey;
    private final KeyPair keys;
    private final Path work;
    private final String runId;
    private final RawJdbc raw;
    private final List<Side> sides = new ArrayList<>();
    private final List<String> databases = new ArrayList<>();

    /** A comparison on {@code database}, whose databases and conventions are named after {@code runId}. */
    Comparison(Database database, List<String> jvmOptions, Path publicKey, KeyPair keys, Path work, String runId) {
        this.database = database;
        this.jvmOptions = jvmOptions;
        this.publicKey = publicKey;
        this.keys = keys;
        this.work = work;
        this.runId = runId;
        this.raw = new RawJdbc(database.pool);
    }

    /**
     * Starts {@code jar} (A) and {@code otherJar} (B), each on a database of its own, with 300 conventions in force
     * each, and warms both up for {@code warmUp} each, in alternating turns of 15 s.
     */
    void start(Path jar, Path otherJar, Duration warmUp) throws Exception {
        raw.createAppendTable();
        OptionalLong postmaster = database.postmasterPid();
        for (Path build : List.of(jar, otherJar)) {
            String name = sides.isEmpty() ? "A" : "B";
            String databaseName = "bench_" + runId + "_" + name.toLowerCase(Locale.ROOT);
            database.create(databaseName);
            databases.add(databaseName);
            int port = Benchmark.freePort();
            ServiceProcess service = ServiceProcess.start(build, database.address().of(databaseName), publicKey, port,
                    jvmOptions, List.of(), work.resolve("service-" + name + ".log"));
            CommandMix mix = new CommandMix(HttpCommands.as(port, keys, "bench-admin", List.of("ADMIN"))::post,
                    "mix-" + runId);
            sides.add(new Side(name, build, service, mix, new CpuTime(service.pid(), postmaster)));
            Benchmark.log(name + " (" + build + "): conventions in force");
            mix.prepare(300);
        }
        for (long turn = 0; turn < Math.max(1, warmUp.toSeconds() / 15); turn++) {
            for (Side side : sides) {
                Rate rate = side.mix.run(8, Duration.ofSeconds(15));
                Benchmark.log(String.format(Locale.ROOT, "warm-up of %s: %.0f commands/s", side.name,
                        rate.perSecond()));
            }
        }
    }

    /** Rounds at {@code clients} clients, each of {@code slices} slices of raw appends, A and B. */
    String measure(int clients, int rounds, int slices, Duration slice) throws Exception {
        Results results = new Results(sides.get(0).jar, sides.get(1).jar, clients);
        CpuTime rawCpu = sides.get(0).cpu;
        for (int round = 1; round <= rounds; round++) {
            Tally appends = new Tally();
            double rawPostgresMillis = 0;
            Tally[] commands = {new Tally(), new Tally()};
            CpuTime.Reading[] spent = {CpuTime.Reading.NONE, CpuTime.Reading.NONE};
            for (int count = 0; count < slices; count++) {
                CpuTime.Reading before = rawCpu.read();
                raw.append(clients, Benchmark.RAMP, slice, 2000, appends);
                rawPostgresMillis += rawCpu.read().since(before).postgresMillis();
                boolean aFirst = (round + count) % 2 == 0;
                for (int side : aFirst ? new int[]{0, 1} : new int[]{1, 0}) {
                    CpuTime.Reading cpuBefore = sides.get(side).cpu.read();
                    sides.get(side).mix.run(clients, Benchmark.RAMP, slice, commands[side]);
                    spent[side] = spent[side].plus(sides.get(side).cpu.read().since(cpuBefore));
                }
            }
            results.round(appends.rate("raw JDBC append", clients), rawPostgresMillis / appends.sent(),
                    commands[0].rate("A", clients), spent[0].perOperation(commands[0].sent()),
                    commands[1].rate("B", clients), spent[1].perOperation(commands[1].sent()));
            Benchmark.log(results.lastRound());
        }
        return results.markdown(LocalDateTime.now(), database.description(), slices, slice);
    }

    /** Stops the services started and drops their databases. */
    void stop() throws Exception {
        for (Side side : sides) {
            side.service.close();
        }
        for (String name : databases) {
            database.drop(name);
        }
    }

    /** The rounds of a comparison and their sums, as markdown. */
    static final class Results {
        private final Path jar;
        private final Path otherJar;
        private final int clients;
        private final List<String> lines = new ArrayList<>();
        private double rawSum;
        private final double[] commandSums = new double[2];
        private int roundsBFaster;
        private final List<double[]> cpu = new ArrayList<>();
        private long errors;
        private String last = "";

        Results(Path jar, Path otherJar, int clients) {
            this.jar = jar;
            this.otherJar = otherJar;
            this.clients = clients;
        }

        void round(Rate raw, double rawPostgresMillis, Rate a, CpuTime.Reading aCpu, Rate b, CpuTime.Reading bCpu) {
            rawSum += raw.perSecond();
            commandSums[0] += a.perSecond();
            commandSums[1] += b.perSecond();
            roundsBFaster += b.perSecond() > a.perSecond() ? 1 : 0;
            errors += a.errors() + b.errors();
            cpu.add(new double[]{aCpu.serviceMillis(), aCpu.postgresMillis(), bCpu.serviceMillis(),
                    bCpu.postgresMillis(), rawPostgresMillis});
            lines.add(String.format(Locale.ROOT, "| %d | %.0f | %.0f | %s | %.1f | %.0f | %s | %.1f | %s |",
                    lines.size() + 1, raw.perSecond(), a.perSecond(), Report.ratio(a.perSecond()
                            / raw.perSecond()), a.p99Millis(), b.perSecond(), Report.ratio(b.perSecond()
                            / raw.perSecond()), b.p99Millis(), Report.ratio(b.perSecond() / a.perSecond())));
            last = String.format(Locale.ROOT, "%d clients, comparison round %d: raw %.0f/s, A %.0f commands/s,"
                    + " B %.0f commands/s, B / A %s", clients, lines.size(), raw.perSecond(), a.perSecond(),
                    b.perSecond(), Report.ratio(b.perSecond() / a.perSecond()));
        }

        String lastRound() {
            return last;
        }

        String markdown(LocalDateTime when, String database, int slices, Duration slice) {
            StringBuilder text = new StringBuilder("## Comparison of " + when.withNano(0) + "\n\n");
            text.append("- Database: ").append(database).append(", a database of its own for each build\n");
            text.append("- A: `").append(jar).append("`; B: `").append(otherJar).append("`\n");
            text.append(String.format(Locale.ROOT, "- %d clients; each round alternates %d slices of raw appends, A"
                    + " and B (which of A and B goes first alternates), %.1f s each measured after %d s of load\n\n",
                    clients, slices, slice.toMillis() / 1000.0, Benchmark.RAMP.toSeconds()));
            text.append("| round | raw appends/s | A commands/s | A ratio | A p99 ms | B commands/s | B ratio"
                    + " | B p99 ms | B / A |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            lines.forEach(line -> text.append(line).append('\n'));
            text.append(String.format(Locale.ROOT, "| summed | %.0f | %.0f | %s | | %.0f | %s | | %s |%n%n", rawSum,
                    commandSums[0], Report.ratio(commandSums[0] / rawSum), commandSums[1],
                    Report.ratio(commandSums[1] / rawSum),
                    Report.ratio(commandSums[1] / commandSums[0])));
            text.append(String.format(Locale.ROOT, "B made more commands than A in %d of %d rounds; errors: %d.%n",
                    roundsBFaster, lines.size(), errors));
            text.append(String.format(Locale.ROOT, "CPU per command (the mean of the rounds): A, service %.3f ms and"
                    + " PostgreSQL %.3f ms; B, service %.3f ms and PostgreSQL %.3f ms; a raw append, PostgreSQL"
                    + " %.3f ms.%n", mean(0), mean(1), mean(2), mean(3), mean(4)));
            return text.toString();
        }

        private double mean(int column) {
            return cpu.stream().mapToDouble(round -> round[column]).average().orElse(Double.NaN);
        }
    }
}
