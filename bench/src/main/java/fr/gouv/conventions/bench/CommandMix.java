package fr.gouv.conventions.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A realistic mix of commands from N concurrent clients: 10 % drafts, 10 % signatures of those drafts, 10 %
 * modifying avenants, 60 % commitments spread over many conventions in force, and 10 % commitments on one
 * "hot" convention, where clients contend for the same stream.
 */
final class CommandMix {

    /** Where the commands go: the service over HTTP, or one of the two builds a comparison measures. */
    interface Target {
        HttpConnections.Answer post(String path, String json) throws Exception;
    }

    private final Target admin;
    private final List<String> inForce = new ArrayList<>();
    private final Queue<String[]> awaitingSignature = new ConcurrentLinkedQueue<>();
    private final AtomicInteger drafts = new AtomicInteger();
    private final String prefix;

    CommandMix(Target admin, String prefix) {
        this.admin = admin;
        this.prefix = prefix;
    }

    /** Drafts and signs {@code count} conventions, so that the mix has conventions in force to work on. */
    void prepare(int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = prefix + "-ready-" + i;
                created.add(pool.submit(() -> {
                    expect(admin.post("/api/conventions", HttpCommands.draft(id)), 201);
                    expect(admin.post("/api/conventions/" + id + "/signatures", HttpCommands.signature("prefet-region")),
                            200);
                    expect(admin.post("/api/conventions/" + id + "/signatures", HttpCommands.signature("cd-59")), 200);
                    return id;
                }));
            }
            for (Future<String> id : created) {
                inForce.add(id.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    Rate run(int clients, Duration duration) throws Exception {
        Tally tally = new Tally();
        run(clients, Duration.ZERO, duration, tally);
        return tally.rate("service over HTTP", clients);
    }

    /** One slice of a round: {@code clients} send commands for {@code ramp}, then for the {@code measured} window. */
    void run(int clients, Duration ramp, Duration measured, Tally tally) throws Exception {
        Tally.Window window = tally.open(ramp, measured);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (window.loadGoesOn()) {
                    long begin = System.nanoTime();
                    int status = oneCommand();
                    tally.completed(window, begin, System.nanoTime(), status >= 200 && status < 300);
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private int oneCommand() throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int dice = random.nextInt(100);
        if (dice < 10) {
            String id = prefix + "-new-" + drafts.incrementAndGet();
            int status = admin.post("/api/conventions", HttpCommands.draft(id)).status();
            awaitingSignature.add(new String[]{id, "prefet-region"});
            awaitingSignature.add(new String[]{id, "cd-59"});
            return status;
        }
        if (dice < 20) {
            String[] next = awaitingSignature.poll();
            if (next != null) {
                return admin.post("/api/conventions/" + next[0] + "/signatures", HttpCommands.signature(next[1]))
                        .status();
            }
        }
        String convention = dice < 30 || dice >= 40 ? inForce.get(random.nextInt(inForce.size())) : inForce.get(0);
        if (dice < 30) {
            return admin.post("/api/conventions/" + convention + "/avenants", HttpCommands.modifyingAvenant())
                    .status();
        }
        return admin.post("/api/conventions/" + convention + "/commitments",
                HttpCommands.commitment(random.nextBoolean() ? "cd-59" : "prefet-region", 2020 + random.nextInt(5)))
                .status();
    }

    static void expect(HttpConnections.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got " + answer.status() + ": "
                    + answer.body());
        }
    }
}
