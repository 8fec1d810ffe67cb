package fr.gouv.conventions.bench;

import fr.gouv.conventions.api.ConventionServiceApplication;
import fr.gouv.conventions.api.commands.InProcessCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The benchmark's command mix ({@link CommandMix}) at 8 clients without HTTP: each command goes to the service's
 * command sender in the service's own JVM ({@link InProcessCommands}), with its live projection running; the
 * benchmark's raw appends ({@link RawJdbc}) alternate with it in rounds, on the same PostgreSQL. It measures what
 * the HTTP layer costs (BENCHMARKS.md, "Commands over HTTP"); {@code run.sh} next to it runs it.
 */
public final class InProcessMix {

    private static final int CLIENTS = 8;

    /** Arguments: the service's own ({@code --spring.datasource.url=...}); -Dwarm-up, -Dseconds, -Drounds. */
    public static void main(String[] args) throws Exception {
        Duration warmUp = Duration.ofSeconds(Integer.getInteger("warm-up", 180));
        Duration run = Duration.ofSeconds(Integer.getInteger("seconds", 30));
        int rounds = Integer.getInteger("rounds", 3);
        try (ConfigurableApplicationContext service = SpringApplication.run(ConventionServiceApplication.class, args)) {
            InProcessCommands commands = new InProcessCommands(service);
            CommandMix mix = new CommandMix(
                    (path, json) -> new HttpConnections.Answer(commands.post(path, json), ""), "in-process");
            mix.prepare(300);
            RawJdbc raw = new RawJdbc(service.getBean(DataSource.class));
            raw.createAppendTable();
            long warmUpEnd = System.nanoTime() + warmUp.toNanos();
            while (System.nanoTime() < warmUpEnd) {
                log("warm-up: %.0f commands/s", mix.run(CLIENTS, Duration.ofSeconds(15)).perSecond());
            }
            for (int round = 1; round <= rounds; round++) {
                Rate appends = raw.append(CLIENTS, run, 2000);
                Rate sent = mix.run(CLIENTS, run);
                log("round %d: %.0f commands/s without HTTP (%d errors), raw %.0f/s, ratio %.2f", round,
                        sent.perSecond(), sent.errors(), appends.perSecond(), sent.perSecond() / appends.perSecond());
            }
        }
    }

    private static void log(String format, Object... values) {
        System.out.println("[in-process " + Instant.now() + "] " + String.format(Locale.ROOT, format, values));
    }
}
