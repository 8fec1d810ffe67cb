package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.Commands;
import fr.gouv.conventions.core.command.CommitFunds;
import fr.gouv.conventions.core.event.FundsCommitted;
import fr.gouv.conventions.core.model.Euros;
import fr.gouv.conventions.projections.audit.ChainVerification;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strong consistency across instances: two services on one PostgreSQL send commands to the same convention at
 * the same time. Each has its own in-memory lock, so only the (aggregate, sequence number) key of the event
 * table stands between them: no sequence number is appended twice, no command is lost, and the convention's hash
 * chain holds, though each instance chains its events onto ones the other appended.
 */
class TwoInstancesIT {

    private static final int COMMANDS_PER_INSTANCE = 40;

    @TempDir
    Path dataDirectory;

    @Test
    void withoutRetriesTheLoserOfARaceGetsAConcurrencyExceptionAndNothingIsDuplicated() throws Exception {
        try (ServiceInstance first = ServiceInstance.onEmbeddedDatabase(dataDirectory,
                "--conventions.command-retries=0");
             ServiceInstance second = ServiceInstance.onDatabase(first.embeddedJdbcUrl(),
                     "--conventions.command-retries=0")) {
            String id = "race-without-retries";
            Commands.inForce(first, id);

            List<Outcome> outcomes = race(first, second, id);

            long succeeded = outcomes.stream().filter(Outcome::succeeded).count();
            assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.succeeded()
                    || outcome.failure() instanceof ConcurrencyException).as(String.valueOf(outcome)).isTrue());
            assertThat(outcomes).anyMatch(outcome -> !outcome.succeeded());
            assertStreamHoldsExactly(first, id, succeeded);
        }
    }

    @Test
    void withRetriesEveryCommandOfBothInstancesIsStoredOnceInOrder() throws Exception {
        try (ServiceInstance first = ServiceInstance.onEmbeddedDatabase(dataDirectory,
                "--conventions.command-retries=50");
             ServiceInstance second = ServiceInstance.onDatabase(first.embeddedJdbcUrl(),
                     "--conventions.command-retries=50")) {
            String id = "race-with-retries";
            Commands.inForce(first, id);

            List<Outcome> outcomes = race(first, second, id);

            assertThat(outcomes).allMatch(Outcome::succeeded);
            assertStreamHoldsExactly(second, id, 2L * COMMANDS_PER_INSTANCE);
        }
    }

    private static void assertStreamHoldsExactly(ServiceInstance service, String id, long commitments) {
        List<? extends DomainEventMessage<?>> events = service.events(id);
        long inForceEvents = 4; // drafted, two signatures, entry into force
        assertThat(events).extracting(DomainEventMessage::getSequenceNumber)
                .containsExactlyElementsOf(LongStream.range(0, inForceEvents + commitments).boxed().toList());
        List<String> actions = events.stream().filter(event -> event.getPayload() instanceof FundsCommitted)
                .map(event -> ((FundsCommitted) event.getPayload()).action()).toList();
        assertThat(actions).hasSize((int) commitments).doesNotHaveDuplicates();
        ChainVerification.Report chains = service.bean(ChainVerification.class).verify();
        assertThat(chains.intact()).as("each instance chained its events onto the other's: %s", chains.breaks())
                .isTrue();
    }

    private static List<Outcome> race(ServiceInstance first, ServiceInstance second, String id) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < COMMANDS_PER_INSTANCE; i++) {
            for (ServiceInstance instance : List.of(first, second)) {
                String action = (instance == first ? "first-" : "second-") + i;
                Callable<Outcome> command = () -> {
                    start.await();
                    try {
                        instance.send(new CommitFunds(id, "cd-62", 2020, Euros.of("1000.00"), null, action,
                                LocalDate.of(2020, 2, 1)));
                        return new Outcome(action, null);
                    } catch (RuntimeException failure) {
                        return new Outcome(action, failure);
                    }
                };
                futures.add(clients.submit(command));
            }
        }
        start.countDown();
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> future : futures) {
            outcomes.add(future.get());
        }
        clients.shutdown();
        return outcomes;
    }

    private record Outcome(String action, RuntimeException failure) {
        boolean succeeded() {
            return failure == null;
        }
    }
}
