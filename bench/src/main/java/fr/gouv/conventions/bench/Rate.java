package fr.gouv.conventions.bench;

/** What a timed run did: operations per second and their latency. */
record Rate(String what, int threads, long operations, double seconds, double p50Millis, double p99Millis,
            long errors) {

    double perSecond() {
        return operations / seconds;
    }

    static Rate of(String what, int threads, Latencies latencies, double seconds, long errors) {
        return new Rate(what, threads, latencies.count(), seconds, latencies.percentileMillis(50),
                latencies.percentileMillis(99), errors);
    }
}
