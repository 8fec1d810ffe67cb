package fr.gouv.conventions.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Response times in microseconds, from many threads. */
final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void record(long startedNanos) {
        record(startedNanos, System.nanoTime());
    }

    void record(long startedNanos, long endedNanos) {
        histogram.recordValue(Math.max(1, (endedNanos - startedNanos) / 1000));
    }

    long count() {
        return histogram.getTotalCount();
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
