package fr.gouv.conventions.api.axon.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC event storage as this service runs it on PostgreSQL, with two changes.
 * <ul>
 *     <li>It opens no transaction of its own but to append several events at once, so that a command's events are
 *     stored together or not at all. Everything else runs in the transaction of the thread if it has one (the
 *     connection provider hands out its connection), else as statements of their own, which PostgreSQL commits as
 *     they run: one round trip, where a transaction takes two (the statement, then the commit), each a wait and a
 *     thread switch on both sides. Most commands write nothing but one event and run without a transaction
 *     ({@link CommandTransactions}); their append is that one statement, and so are the reads of a stream that the
 *     aggregate cache did not hold, and of the live projection's new events.</li>
 *     <li>The timestamp of each event a processor or a rebuild streams is read once, and quickly. Axon's engine
 *     parses it with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} for every such event, to decide whether a gap
 *     before it may still fill, and again whenever the event's time is asked: that parse alone took a quarter of a
 *     rebuild's reading thread (BENCHMARKS.md#postgres-event-storage-engine). The entry parses the layout Axon writes
 *     ({@code 2026-11-26T12:34:56.789Z}) directly, falls back to Axon's parser for any other text, and keeps the
 *     result. {@link #getTrackedEventData} is otherwise Axon 4.13's, gap rules included, with Axon's default gap
 *     settings, which this engine sets on its builder.</li>
 * </ul>
 */
class PostgresEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults: the same values are given to the builder, so that both parts of the engine agree. */
    static final int GAP_TIMEOUT_MILLIS = 60_000;
    static final int MAX_GAP_OFFSET = 10_000;
    static final long LOWEST_GLOBAL_SEQUENCE = 1;

    private final TransactionManager appendTransactions;

    /**
     * @param builder            Axon's settings, without a transaction manager: this engine joins the transaction of
     *                           the thread, it does not open one
     * @param appendTransactions joins or opens the transaction of an append of several events
     */
    PostgresEventStorageEngine(JdbcEventStorageEngine.Builder builder, TransactionManager appendTransactions) {
        super(builder.transactionManager(NoTransactionManager.INSTANCE).gapTimeout(GAP_TIMEOUT_MILLIS)
                .maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE));
        this.appendTransactions = appendTransactions;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.size() > 1) {
            appendTransactions.executeInTransaction(() -> super.appendEvents(events, serializer));
        } else {
            super.appendEvents(events, serializer);
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        ParsedTimestampEntry<?> domainEvent = new ParsedTimestampEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                readTimeStamp(resultSet, schema.timestampColumn()),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));

        boolean allowGaps = domainEvent.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                    ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                    .collect(Collectors.toCollection(TreeSet::new))
                    : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, domainEvent);
    }

    /** A stored event whose timestamp is parsed once, when it is read. */
    private static final class ParsedTimestampEntry<T> extends GenericDomainEventEntry<T> {

        private final Instant timestamp;

        ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                             Object timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType,
                    payloadRevision, payload, metaData);
            this.timestamp = parse(timestamp.toString());
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }
    }

    /**
     * The instant a stored timestamp stands for, as {@link DateTimeUtils#parseInstant} reads it: the layout Axon
     * writes, {@code uuuu-MM-ddTHH:mm:ss.SSSZ}, is read field by field; any other text goes to Axon's parser.
     */
    static Instant parse(String text) {
        if (text.length() == 24 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(23) == 'Z') {
            int year = AsciiDigits.read(text, 0, 4);
            int month = AsciiDigits.read(text, 5, 2);
            int day = AsciiDigits.read(text, 8, 2);
            int hour = AsciiDigits.read(text, 11, 2);
            int minute = AsciiDigits.read(text, 14, 2);
            int second = AsciiDigits.read(text, 17, 2);
            int millis = AsciiDigits.read(text, 20, 3);
            if ((year | month | day | hour | minute | second | millis) >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, millis * 1_000_000)
                            .toInstant(ZoneOffset.UTC);
                } catch (DateTimeException outOfRange) {
                    // Axon's parser decides what such a text means (24:00, a leap second, 31 April...).
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }
}
