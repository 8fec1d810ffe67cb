package fr.gouv.conventions.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The CPU time spent by the three sides of a run, read from {@code /proc} (Linux): the service's process,
 * PostgreSQL (its postmaster, every process it started, and those of them that ended) when it runs on this
 * machine, and this JVM, the load generator: which side a run's time went to, on two cores the three share. A
 * side that cannot be read is {@code NaN}.
 */
final class CpuTime {

    /** {@code utime}, {@code stime} and their children's counterparts are in ticks of USER_HZ, 100 a second. */
    private static final double MILLIS_PER_TICK = 10;

    /**
     * Milliseconds of CPU of each side: since their processes started, spent between two readings (added up over the
     * slices of a round), or per operation.
     */
    record Reading(double serviceMillis, double postgresMillis, double loadGeneratorMillis) {

        static final Reading NONE = new Reading(0, 0, 0);

        Reading since(Reading before) {
            return new Reading(serviceMillis - before.serviceMillis, postgresMillis - before.postgresMillis,
                    loadGeneratorMillis - before.loadGeneratorMillis);
        }

        Reading plus(Reading other) {
            return new Reading(serviceMillis + other.serviceMillis, postgresMillis + other.postgresMillis,
                    loadGeneratorMillis + other.loadGeneratorMillis);
        }

        Reading perOperation(long operations) {
            return new Reading(serviceMillis / operations, postgresMillis / operations,
                    loadGeneratorMillis / operations);
        }
    }

    private final long servicePid;
    private final OptionalLong postmasterPid;

    CpuTime(long servicePid, OptionalLong postmasterPid) {
        this.servicePid = servicePid;
        this.postmasterPid = postmasterPid;
    }

    Reading read() {
        return new Reading(millis(servicePid), postmasterPid.isPresent() ? postgresMillis(postmasterPid.getAsLong())
                : Double.NaN, millis(ProcessHandle.current().pid()));
    }

    /** The parent of a process, if it can be read. */
    static OptionalLong parentOf(long pid) {
        try {
            return OptionalLong.of(parentIn(Files.readString(stat(pid))));
        } catch (IOException | RuntimeException unreadable) {
            return OptionalLong.empty();
        }
    }

    /** The short name of a process ({@code /proc/<pid>/comm}), or an empty one if it cannot be read. */
    static String nameOf(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).strip();
        } catch (IOException unreadable) {
            return "";
        }
    }

    /** The CPU time of a process itself, in milliseconds. */
    static double ownMillis(String statLine) {
        String[] fields = fieldsAfterName(statLine);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    /** The CPU time of the children a process waited for once they ended, in milliseconds. */
    static double endedChildrenMillis(String statLine) {
        String[] fields = fieldsAfterName(statLine);
        return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * MILLIS_PER_TICK;
    }

    /** The parent process named by a {@code stat} line. */
    private static long parentIn(String statLine) {
        return Long.parseLong(fieldsAfterName(statLine)[1]);
    }

    /** The fields of a {@code stat} line after its process's name, which may hold spaces and parentheses. */
    private static String[] fieldsAfterName(String statLine) {
        return statLine.substring(statLine.lastIndexOf(')') + 2).strip().split(" ");
    }

    private static double millis(long pid) {
        try {
            return ownMillis(Files.readString(stat(pid)));
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static double postgresMillis(long postmaster) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            String postmasterStat = Files.readString(stat(postmaster));
            double total = ownMillis(postmasterStat) + endedChildrenMillis(postmasterStat);
            List<Path> children = processes.filter(path -> path.getFileName().toString().chars()
                    .allMatch(Character::isDigit)).toList();
            for (Path child : children) {
                long pid = Long.parseLong(child.getFileName().toString());
                try {
                    String line = Files.readString(stat(pid));
                    if (parentIn(line) == postmaster) {
                        total += ownMillis(line);
                    }
                } catch (IOException ended) {
                    // ended between the listing and the read: its time is in the postmaster's ended children
                }
            }
            return total;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    private static Path stat(long pid) {
        return Path.of("/proc", String.valueOf(pid), "stat");
    }
}
