package fr.gouv.conventions.api.axon.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class PostgresEventStorageEngineTest {

    private static final EventSchema SCHEMA = new EventSchema();

    @Test
    void readsEveryTimestampAxonWritesAsAxonDoes() {
        Random random = new Random(20261126);
        long first = Instant.parse("0001-01-01T00:00:00Z").toEpochMilli();
        long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            Instant instant = Instant.ofEpochMilli(first + (long) (random.nextDouble() * (last - first)));
            String written = DateTimeUtils.formatInstant(instant);

            assertThat(PostgresEventStorageEngine.parse(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written)).isEqualTo(instant);
        }
        for (String written : List.of("1970-01-01T00:00:00.000Z", "2024-02-29T23:59:59.999Z",
                "2026-12-31T23:59:59.000Z", "2000-01-01T00:00:00.001Z")) {
            assertThat(PostgresEventStorageEngine.parse(written)).as(written)
                    .isEqualTo(DateTimeUtils.parseInstant(written));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T12:34:56Z", "2026-11-26T12:34:56.123456789Z", "2026-11-26T12:34:56.7Z",
            "2026-11-26T12:34:56.789+02:00", "2026-11-26t12:34:56.789z", "+12026-11-26T12:34:56.789Z"})
    void leavesAnyOtherTextToAxonsParser(String written) {
        assertThat(PostgresEventStorageEngine.parse(written)).isEqualTo(DateTimeUtils.parseInstant(written));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-26T24:00:00.000Z", "2026-12-31T23:59:60.000Z", "2026-13-01T00:00:00.000Z",
            "2026-04-31T10:00:00.000Z", "2026-02-29T10:00:00.000Z",
            "2026-11-26T12:3x:56.789Z", "2026-11-26 12:34:56.789Z", "", "yesterday"})
    void refusesWhatAxonsParserRefuses(String written) {
        Throwable axons = catchThrowable(() -> DateTimeUtils.parseInstant(written));
        if (axons == null) {
            assertThat(PostgresEventStorageEngine.parse(written))
                    .isEqualTo(DateTimeUtils.parseInstant(written));
        } else {
            assertThatThrownBy(() -> PostgresEventStorageEngine.parse(written))
                    .isInstanceOf(axons.getClass()).hasMessage(axons.getMessage());
        }
    }

    @Test
    void tracksEventsAndGapsAsAxonsEngineDoes() throws SQLException {
        PostgresEventStorageEngine ours = new PostgresEventStorageEngine(builder(), NoTransactionManager.INSTANCE);
        AxonsEngine axons = new AxonsEngine(builder());
        String recent = DateTimeUtils.formatInstant(Instant.now().minusSeconds(5));
        String old = DateTimeUtils.formatInstant(Instant.now().minus(Duration.ofMinutes(2)));
        GapAwareTrackingToken withGaps = GapAwareTrackingToken.newInstance(40, new TreeSet<>(List.of(35L, 38L)));

        for (String timestamp : List.of(recent, old)) {
            for (GapAwareTrackingToken previous : new GapAwareTrackingToken[]{null, withGaps}) {
                for (long globalIndex : new long[]{38, 41, 57}) {
                    for (String aggregate : List.of("convention-1", "event-" + globalIndex)) {
                        ResultSet row = row(globalIndex, aggregate, timestamp);
                        TrackedEventData<?> expected = axons.tracked(row, previous);
                        TrackedEventData<?> actual = ours.getTrackedEventData(row, previous);

                        String what = timestamp + ", " + previous + ", " + globalIndex + ", " + aggregate;
                        assertThat(actual.trackingToken()).as(what).isEqualTo(expected.trackingToken());
                        assertThat(actual.getTimestamp()).as(what).isEqualTo(expected.getTimestamp());
                        assertThat(actual.getEventIdentifier()).isEqualTo(expected.getEventIdentifier());
                        assertThat(actual.getPayload().getType()).isEqualTo(expected.getPayload().getType());
                        assertThat(actual.getPayload().getData()).isEqualTo(expected.getPayload().getData());
                        assertThat(actual.getMetaData().getData()).isEqualTo(expected.getMetaData().getData());
                        DomainEventData<?> ourEvent = (DomainEventData<?>) actual;
                        DomainEventData<?> axonsEvent = (DomainEventData<?>) expected;
                        assertThat(ourEvent.getAggregateIdentifier()).isEqualTo(axonsEvent.getAggregateIdentifier());
                        assertThat(ourEvent.getSequenceNumber()).isEqualTo(axonsEvent.getSequenceNumber());
                        assertThat(ourEvent.getType()).isEqualTo(axonsEvent.getType());
                    }
                }
            }
        }
    }

    @Test
    void appendsALoneEventInAStatementOfItsOwnWithoutATransaction() throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class);
        RecordingTransactions transactions = new RecordingTransactions();
        PostgresEventStorageEngine engine = appendingTo(statement, transactions);

        engine.appendEvents(List.of(event(0)));

        verify(statement).executeBatch();
        assertThat(transactions.started).isZero();
    }

    @Test
    void appendsSeveralEventsInOneTransaction() throws SQLException {
        PreparedStatement statement = mock(PreparedStatement.class);
        RecordingTransactions transactions = new RecordingTransactions();
        PostgresEventStorageEngine engine = appendingTo(statement, transactions);

        engine.appendEvents(List.of(event(0), event(1)));

        verify(statement).executeBatch();
        assertThat(transactions.started).isEqualTo(1);
        assertThat(transactions.committed).isEqualTo(1);
    }

    private static PostgresEventStorageEngine appendingTo(PreparedStatement statement, TransactionManager transactions)
            throws SQLException {
        Connection connection = mock(Connection.class);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        when(statement.executeBatch()).thenReturn(new int[]{1});
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return new PostgresEventStorageEngine(JdbcEventStorageEngine.builder()
                .connectionProvider(() -> connection)
                .appendEvents(new ChainedEventAppends(10))
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(SCHEMA), transactions);
    }

    private static DomainEventMessage<?> event(long sequenceNumber) {
        return new GenericDomainEventMessage<>("Convention", "convention-1", sequenceNumber,
                "engagement " + sequenceNumber);
    }

    /** Counts the transactions started and committed through it. */
    private static final class RecordingTransactions implements TransactionManager {
        int started;
        int committed;

        @Override
        public Transaction startTransaction() {
            started++;
            return new Transaction() {
                @Override
                public void commit() {
                    committed++;
                }

                @Override
                public void rollback() {
                }
            };
        }
    }

    private static ResultSet row(long globalIndex, String aggregate, String timestamp) throws SQLException {
        ResultSet row = mock(ResultSet.class);
        when(row.getLong(SCHEMA.globalIndexColumn())).thenReturn(globalIndex);
        when(row.getString(SCHEMA.aggregateIdentifierColumn())).thenReturn(aggregate);
        when(row.getString(SCHEMA.eventIdentifierColumn())).thenReturn("event-" + globalIndex);
        when(row.getString(SCHEMA.typeColumn())).thenReturn("Convention");
        when(row.getLong(SCHEMA.sequenceNumberColumn())).thenReturn(globalIndex % 7);
        when(row.getString(SCHEMA.timestampColumn())).thenReturn(timestamp);
        when(row.getString(SCHEMA.payloadTypeColumn())).thenReturn("fr.gouv.conventions.core.event.FundsCommitted");
        when(row.getString(SCHEMA.payloadRevisionColumn())).thenReturn(null);
        byte[] payload = "{\"amount\":\"1.00\"}".getBytes(StandardCharsets.UTF_8);
        byte[] metadata = "{\"actor\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
        when(row.getBytes(SCHEMA.payloadColumn())).thenReturn(payload);
        when(row.getBytes(SCHEMA.metaDataColumn())).thenReturn(metadata);
        when(row.getObject(anyString(), any(Class.class))).thenAnswer(call -> call.getArgument(0)
                .equals(SCHEMA.payloadColumn()) ? payload : metadata);
        return row;
    }

    private static JdbcEventStorageEngine.Builder builder() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return JdbcEventStorageEngine.builder()
                .connectionProvider(() -> {
                    throw new SQLException("no database in this test");
                })
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .schema(SCHEMA);
    }

    /** Axon's own engine, with the settings ours gives it, to compare with. */
    private static final class AxonsEngine extends JdbcEventStorageEngine {

        AxonsEngine(JdbcEventStorageEngine.Builder builder) {
            super(builder.gapTimeout(PostgresEventStorageEngine.GAP_TIMEOUT_MILLIS)
                    .maxGapOffset(PostgresEventStorageEngine.MAX_GAP_OFFSET)
                    .lowestGlobalSequence(PostgresEventStorageEngine.LOWEST_GLOBAL_SEQUENCE));
        }

        TrackedEventData<?> tracked(ResultSet row, GapAwareTrackingToken previous) throws SQLException {
            return getTrackedEventData(row, previous);
        }
    }
}
