package fr.gouv.conventions.projections.rebuild;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReadAheadTest {

    @Test
    void givesEveryEventInTheStreamsOrder() throws InterruptedException {
        List<Object> read = new ArrayList<>();
        try (ReadAhead events = new ReadAhead(new Stream(10_000, -1, -1), 16)) {
            while (events.hasNextAvailable(500, TimeUnit.MILLISECONDS)) {
                read.add(events.nextAvailable().getPayload());
            }
        }

        assertThat(read).hasSize(10_000);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(i);
        }
    }

    @Test
    void throwsWhatStoppedTheReaderOnceTheRebuildGetsThere() {
        assertStopsInOrderAt(new Stream(100, 40, -1), 40, "the store went away at 40");
    }

    @Test
    void throwsWhatStoppedTheDeserializationOnceTheRebuildGetsThere() {
        assertStopsInOrderAt(new Stream(100, -1, 60), 60, "no payload at 60");
    }

    /** The rebuild gets the events before {@code position} in order, then the failure. */
    private static void assertStopsInOrderAt(Stream stream, int position, String failure) {
        List<Object> read = new ArrayList<>();
        try (ReadAhead events = new ReadAhead(stream, 8)) {
            assertThatThrownBy(() -> {
                while (events.hasNextAvailable(5, TimeUnit.SECONDS)) {
                    read.add(events.nextAvailable().getPayload());
                }
            }).isInstanceOf(IllegalStateException.class).hasRootCauseMessage(failure);
        }

        assertThat(read).hasSizeLessThanOrEqualTo(position);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i)).isEqualTo(i);
        }
    }

    @Test
    void closingStopsItsThreads() throws InterruptedException {
        Stream stream = new Stream(1_000_000, -1, -1);
        ReadAhead events = new ReadAhead(stream, 4);
        assertThat(events.nextAvailable().getPayload()).isEqualTo(0);

        events.close();

        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread ->
                thread.getName().startsWith("read-model-rebuild-"));
        assertThat(stream.served).isLessThan(1_000);
    }

    /**
     * Events whose payload is their position, {@code count} of them; reading the one at {@code failAt} fails, and
     * so does deserializing the payload of the one at {@code noPayloadAt}.
     */
    private static final class Stream implements BlockingStream<TrackedEventMessage<?>> {

        private final int count;
        private final int failAt;
        private final int noPayloadAt;
        private volatile int served;

        Stream(int count, int failAt, int noPayloadAt) {
            this.count = count;
            this.failAt = failAt;
            this.noPayloadAt = noPayloadAt;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (served < count) {
                return true;
            }
            unit.sleep(timeout);
            return false;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            if (served == failAt) {
                throw new IllegalArgumentException("the store went away at " + failAt);
            }
            int position = served++;
            return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                    GenericEventMessage.asEventMessage(position)) {
                @Override
                public Object getPayload() {
                    if (position == noPayloadAt) {
                        throw new IllegalArgumentException("no payload at " + position);
                    }
                    return super.getPayload();
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
