package fr.gouv.conventions.projections.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A rebuild's event stream, read ahead: one thread queries the event store, another deserializes each payload,
 * while the rebuild folds the events before them, so that reading, deserializing, folding and writing overlap.
 * Events come out in the stream's order; a failure of either thread is thrown to the rebuild when it reaches it.
 * Closing stops both threads; the stream itself stays its owner's to close.
 */
final class ReadAhead implements AutoCloseable {

    private final BlockingStream<TrackedEventMessage<?>> stream;
    /** Events read, and at most one {@link Failure}, the last thing the reader puts. */
    private final BlockingQueue<Object> read;
    /** Events read and deserialized, and at most one {@link Failure}, the last thing put. */
    private final BlockingQueue<Object> ahead;
    private final Thread reader;
    private final Thread deserializer;
    private Object peeked;

    ReadAhead(BlockingStream<TrackedEventMessage<?>> stream, int capacity) {
        this.stream = stream;
        this.read = new ArrayBlockingQueue<>(capacity);
        this.ahead = new ArrayBlockingQueue<>(capacity);
        this.reader = start(this::read, "read-model-rebuild-reader");
        this.deserializer = start(this::deserialize, "read-model-rebuild-deserializer");
    }

    private static Thread start(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void read() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                if (stream.hasNextAvailable(1, TimeUnit.SECONDS)) {
                    read.put(stream.nextAvailable());
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            read.clear();
            read.add(new Failure(failure));
        }
    }

    private void deserialize() {
        try {
            while (true) {
                Object next = read.take();
                if (next instanceof TrackedEventMessage<?> message) {
                    message.getPayload();
                }
                ahead.put(next);
                if (next instanceof Failure) {
                    return;
                }
            }
        } catch (InterruptedException closed) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException failure) {
            ahead.clear();
            ahead.add(new Failure(failure));
        }
    }

    /** Whether an event is available within the timeout; throws what stopped the reader or the deserializer. */
    boolean hasNextAvailable(long timeout, TimeUnit unit) throws InterruptedException {
        if (peeked == null) {
            peeked = ahead.poll(timeout, unit);
        }
        if (peeked instanceof Failure failure) {
            throw new IllegalStateException("The event store could not be read", failure.cause());
        }
        return peeked != null;
    }

    /** The next event, waiting for it if needed. */
    TrackedEventMessage<?> nextAvailable() throws InterruptedException {
        while (!hasNextAvailable(1, TimeUnit.SECONDS)) {
            // waits for the next event, or for a failure
        }
        TrackedEventMessage<?> next = (TrackedEventMessage<?>) peeked;
        peeked = null;
        return next;
    }

    @Override
    public void close() {
        reader.interrupt();
        deserializer.interrupt();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            deserializer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Failure(RuntimeException cause) {
    }
}
