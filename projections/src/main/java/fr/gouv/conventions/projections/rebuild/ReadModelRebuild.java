package fr.gouv.conventions.projections.rebuild;

import fr.gouv.conventions.core.event.ConventionEvent;
import fr.gouv.conventions.projections.ReadModelSchema;
import fr.gouv.conventions.projections.engagements.ConventionProjection;
import fr.gouv.conventions.projections.engagements.RebuildBatch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the event store without interrupting the served one: the history is replayed,
 * in batches, into the standby schema while the public views keep pointing at the served one (each convention's
 * own row is written once, after the batches, from the view folded in memory, unless more conventions than
 * {@code conventions.rebuild.views-kept} put it out of memory earlier); then, holding the read-model lock that
 * every live projection batch takes in shared mode, the replay drains the last events and the views are switched
 * to the rebuilt schema in the same transaction. Live batches, on any instance, then write to the rebuilt schema;
 * events both replayed and streamed live are folded in once. The commitments, about one row per event, are loaded
 * without their indexes, which are built from the loaded rows before the switch, while the conventions' rows are
 * written. Four threads share the work: two read and deserialize the events ahead ({@link ReadAhead}), one folds
 * them into batches, one writes each batch while the next is folded.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final long RECORD_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final ConventionProjection projection;
    private final int batchSize;
    private final int viewsKept;
    private final AtomicReference<RebuildProgress> progress = new AtomicReference<>();
    /** When the progress was last recorded, by the rebuild's thread or by its writer. */
    private volatile long lastRecorded;
    private final RebuildRecords records;

    ReadModelRebuild(EventStore eventStore, JdbcTemplate jdbc, TransactionTemplate transactions,
                     ConventionProjection projection, RebuildSettings settings) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.projection = projection;
        this.batchSize = settings.batchSize();
        this.viewsKept = settings.viewsKept();
        this.records = new RebuildRecords(jdbc);
    }

    /** The current or last rebuild, whichever instance runs it. */
    public Optional<RebuildProgress> progress() {
        return records.current();
    }

    /**
     * Starts a rebuild in the background on this instance, unless one is running on any instance; answers its
     * progress either way.
     */
    public synchronized StartedRebuild start() {
        ReadModelSchema target = ReadModelSchema.active(jdbc).other();
        long total = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
        RebuildProgress started = new RebuildProgress(UUID.randomUUID().toString(), RebuildProgress.Phase.REPLAYING,
                0, total, target.schemaName(), Instant.now(), null, null);
        if (!records.claim(started)) {
            return new StartedRebuild(false, records.current().orElseThrow());
        }
        progress.set(started);
        lastRecorded = System.nanoTime();
        Thread worker = new Thread(() -> run(target), "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return new StartedRebuild(true, started);
    }

    /** Whether this call started the rebuild, or found one running. */
    public record StartedRebuild(boolean started, RebuildProgress progress) {
    }

    private void run(ReadModelSchema target) {
        ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
        // One batch of events read ahead, and one deserialized: every event waiting there is alive at each young
        // collection, and with four batches of each, a rebuild's young collections took twice as long (see
        // BENCHMARKS.md#rebuild-read-ahead).
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null);
             ReadAhead events = new ReadAhead(stream, batchSize)) {
            transactions.executeWithoutResult(status -> {
                for (String table : ReadModelSchema.TABLES) {
                    jdbc.execute("truncate table " + target.table(table));
                }
                jdbc.queryForObject("select drop_commitment_indexes(?)", Object.class, target.schemaName());
            });
            long started = System.nanoTime();
            Replayed replayed = new Replayed(0, RebuildBatch.first(jdbc, target, viewsKept));
            long stored;
            do {
                stored = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
                replayed = replayAvailable(events, replayed, stored, writer);
            } while (replayed.events() < stored);
            final Replayed beforeSwitch = replayed;
            long replayedAt = System.nanoTime();
            // PostgreSQL builds the commitments' indexes while the conventions' rows are written.
            Future<Long> indexing = writer.submit(() -> {
                transactions.executeWithoutResult(status -> jdbc.queryForObject(
                        "select create_commitment_indexes(?)", Object.class, target.schemaName()));
                return System.nanoTime();
            });
            transactions.executeWithoutResult(status -> {
                jdbc.execute("set local synchronous_commit = off");
                beforeSwitch.next().writeViews();
            });
            long viewsWrittenAt = System.nanoTime();
            long indexedAt = await(indexing);
            report(progress.get().at(RebuildProgress.Phase.SWITCHING, replayed.events(), stored));
            long switchedAt = transactions.execute(status -> {
                jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, ReadModelSchema.SWITCH_LOCK);
                long last = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
                Replayed all = replayAvailable(events, beforeSwitch, last, null);
                all.next().writeViews();
                jdbc.queryForObject("select point_read_model_views(?)", Object.class, target.schemaName());
                return all.events();
            });
            report(progress.get().at(RebuildProgress.Phase.DONE, switchedAt, switchedAt)
                    .finished(RebuildProgress.Phase.DONE, null));
            log.info("Read models rebuilt in {} from {} events ({} events/s): replayed in {} ms, then views written in {} ms"
                            + " and indexes built in {} ms, switched in {} ms; {}", target.schemaName(), switchedAt,
                    progress.get().eventsPerSecond(), millis(started, replayedAt), millis(replayedAt, viewsWrittenAt),
                    millis(replayedAt, indexedAt), millis(Math.max(viewsWrittenAt, indexedAt), System.nanoTime()),
                    beforeSwitch.next().memoryReport());
        } catch (RuntimeException | Error failure) {
            // An error too (out of memory, say) is recorded: a rebuild left as running would hold off the next one.
            log.error("The rebuild of the read models failed; the served read models are unchanged", failure);
            report(progress.get().finished(RebuildProgress.Phase.FAILED, String.valueOf(failure)));
            if (failure instanceof Error error) {
                throw error;
            }
        } finally {
            writer.shutdownNow();
        }
    }

    /**
     * Replays, batch after batch, until at least {@code until} events are done and none is waiting. With a
     * {@code writer}, each batch is written by it, in a transaction of its own, while the next one is folded (the
     * JVM and PostgreSQL work at the same time); without, each batch is written in the caller's transaction.
     */
    private Replayed replayAvailable(ReadAhead events, Replayed done, long until,
                                     ExecutorService writer) {
        long count = done.events();
        RebuildBatch batch = done.next();
        Future<?> writing = CompletableFuture.completedFuture(null);
        while (true) {
            // The batch's events are taken first, so that the views it needs from the schema are read at once.
            List<DomainEventMessage<?>> taken = new ArrayList<>(batchSize);
            List<String> conventions = new ArrayList<>(batchSize);
            int inBatch = 0;
            while (inBatch < batchSize && nextAvailable(events, count < until)) {
                if (next(events) instanceof DomainEventMessage<?> domainEvent
                        && domainEvent.getPayload() instanceof ConventionEvent event) {
                    taken.add(domainEvent);
                    conventions.add(event.conventionId());
                }
                inBatch++;
                count++;
            }
            batch.readBack(conventions);
            for (DomainEventMessage<?> event : taken) {
                projection.apply(batch, (ConventionEvent) event.getPayload(), event.getSequenceNumber());
            }
            await(writing);
            if (inBatch == 0) {
                return new Replayed(count, batch);
            }
            RebuildBatch full = batch;
            long reached = count;
            Runnable write = () -> {
                transactions.executeWithoutResult(status -> {
                    if (writer != null) {
                        // A crash loses only rows of the standby schema, which a new rebuild truncates anyway.
                        jdbc.execute("set local synchronous_commit = off");
                    }
                    full.flush();
                });
                RebuildProgress current = progress.get();
                reportReplayed(current.at(current.phase(), reached, Math.max(current.total(), until)));
            };
            if (writer == null) {
                write.run();
            } else {
                writing = writer.submit(write);
            }
            batch = full.next();
        }
    }

    /** How many events are replayed and written, and the batch that folds the next ones. */
    private record Replayed(long events, RebuildBatch next) {
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }

    private static <T> T await(Future<T> written) {
        try {
            return written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException("The rebuild's writer failed", e.getCause());
        }
    }

    private void report(RebuildProgress next) {
        progress.set(next);
        records.update(next);
        lastRecorded = System.nanoTime();
    }

    /**
     * The progress of the replay, recorded for every instance at most once a second: each record is a commit of
     * its own, and recording every batch's took a sixteenth of the writer's time (see BENCHMARKS.md#rebuild-progress).
     */
    private void reportReplayed(RebuildProgress next) {
        progress.set(next);
        if (System.nanoTime() - lastRecorded >= RECORD_EVERY_NANOS) {
            report(next);
        }
    }

    private static TrackedEventMessage<?> next(ReadAhead events) {
        try {
            return events.nextAvailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", e);
        }
    }

    private static boolean nextAvailable(ReadAhead events, boolean moreExpected) {
        try {
            return events.hasNextAvailable(moreExpected ? 5000 : 200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The rebuild was interrupted", e);
        }
    }
}
