package fr.gouv.conventions.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the slices of one round measured on one side, added up. A slice's load runs for a ramp before its window
 * opens: only the operations that complete inside the window are counted and timed, so that the window sees the
 * system in its steady state (connections open, the live projection trailing by its usual batch) at both ends, and
 * no work done before or after it counts in its rate. Errors are counted wherever they happen, ramp included, and
 * every operation sent is counted too: the CPU read around a whole slice is divided by it.
 */
final class Tally {

    private final Latencies latencies = new Latencies();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private long windowNanos;

    /** The window of a slice that starts now: it opens after {@code ramp} and lasts {@code measured}. */
    Window open(Duration ramp, Duration measured) {
        long opens = System.nanoTime() + ramp.toNanos();
        windowNanos += measured.toNanos();
        return new Window(opens, opens + measured.toNanos());
    }

    /** An operation of {@code window}'s slice, begun and ended at these {@link System#nanoTime()} instants. */
    void completed(Window window, long beganNanos, long endedNanos, boolean succeeded) {
        sent.incrementAndGet();
        if (!succeeded) {
            errors.incrementAndGet();
        } else if (endedNanos >= window.opens && endedNanos < window.closes) {
            latencies.record(beganNanos, endedNanos);
        }
    }

    /** Every operation sent, in and out of the windows. */
    long sent() {
        return sent.get();
    }

    Rate rate(String what, int threads) {
        return Rate.of(what, threads, latencies, windowNanos / 1e9, errors.get());
    }

    /** When a slice's measuring window opens and closes, in {@link System#nanoTime()}; its load stops at its close. */
    record Window(long opens, long closes) {

        boolean loadGoesOn() {
            return System.nanoTime() < closes;
        }
    }
}
