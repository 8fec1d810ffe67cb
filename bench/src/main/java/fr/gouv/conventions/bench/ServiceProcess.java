package fr.gouv.conventions.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service, started from its jar as a process of its own (as users run it) on the database under test, so
 * that its memory is measured apart from the load generator's.
 */
final class ServiceProcess implements AutoCloseable {

    final int port;
    private final Process process;
    private final AtomicLong peakRssKib = new AtomicLong();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rss-sampler");
        thread.setDaemon(true);
        return thread;
    });

    private ServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        sampler.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
    }

    static ServiceProcess start(Path jar, Database.Address database, Path publicKey, int port, List<String> jvmOptions,
                                List<String> arguments, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.add("--spring.datasource.url=" + database.jdbcUrl());
        command.add("--spring.datasource.username=" + database.user());
        command.add("--spring.datasource.password=" + database.password());
        command.add("--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKey);
        command.add("--conventions.security.generated-users=false");
        command.add("--logging.level.root=WARN");
        command.add("--logging.level.fr.gouv.conventions.projections.rebuild=INFO");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // glibc gives each busy thread an arena of its own; two keep the service's native memory small.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        Process process = builder.start();
        // A benchmark stopped by a signal (Ctrl-C, kill) stops its service too, instead of leaving it running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "service-stopper"));
        ServiceProcess service = new ServiceProcess(process, port);
        service.awaitHealthy();
        return service;
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see its log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The service did not become healthy within 3 minutes");
    }

    private void sample() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakRssKib.accumulateAndGet(kib, Math::max);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended, or /proc is not there: the peak so far stands
        }
    }

    long pid() {
        return process.pid();
    }

    /** The highest resident memory seen so far, in MiB (sampled every 200 ms from /proc). */
    double peakRssMib() {
        sample();
        return peakRssKib.get() / 1024.0;
    }

    @Override
    public void close() throws InterruptedException {
        sampler.shutdownNow();
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
