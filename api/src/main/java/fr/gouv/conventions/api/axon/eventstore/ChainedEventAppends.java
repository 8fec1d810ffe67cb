package fr.gouv.conventions.api.axon.eventstore;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.gouv.conventions.core.event.EventMetadata;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.TimestampWriter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events as Axon's JDBC engine does, each sent with its link in its convention's hash chain
 * ({@link EventDigest}) and its audit columns (who, correlation id, business date, time of recording), so that the
 * database's chaining trigger does not fire for them (migration V6): it cost PostgreSQL more than the insert itself.
 * The hash of each convention's last event is kept once its transaction has committed: a stored event never
 * changes, so a link kept for the event just before the one appended is that event's. Any other predecessor is
 * read from the store, in the appending transaction; an append that raced another one fails on the stream's
 * unique sequence numbers, as any other.
 */
final class ChainedEventAppends implements AppendEventsStatementBuilder {

    private static final String CHAINED_COLUMNS = "hash, actor, correlation_id, business_date, recorded_at";

    /** The last committed event of a stream, as far as this instance knows. */
    private record Link(long sequenceNumber, byte[] hash) {
    }

    private final Cache<String, Link> lastLinks;

    /** @param streams how many streams' last links are kept (the aggregate cache's size is a good measure) */
    ChainedEventAppends(long streams) {
        // Upkeep on the appending thread: handed to the common pool, it woke a thread of its own at each append.
        this.lastLinks = Caffeine.newBuilder().maximumSize(streams).executor(Runnable::run).build();
    }

    @Override
    public PreparedStatement build(Connection connection, EventSchema schema, Class<?> dataType,
                                   List<? extends EventMessage<?>> events, Serializer serializer,
                                   TimestampWriter timestampWriter) throws SQLException {
        if (!byte[].class.equals(dataType)) {
            throw new IllegalStateException("Events are chained over their stored bytes, not " + dataType);
        }
        Map<String, Link> appended = new HashMap<>();
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema.domainEventTable()
                + " (" + schema.domainEventFields() + ", " + CHAINED_COLUMNS + ")"
                // The database reads the business date and the recording time from the same texts as its trigger.
                + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,CAST(? AS date),CAST(? AS timestamptz))");
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = asDomainEvent(message);
            String aggregate = event.getAggregateIdentifier();
            long sequenceNumber = event.getSequenceNumber();
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            // The text the digest covers is the text stored: written here rather than by Axon's timestamp writer.
            String recorded = DateTimeUtils.formatInstant(event.getTimestamp());
            byte[] previous = sequenceNumber == 0 ? null
                    : previousHash(connection, schema, appended.get(aggregate), aggregate, sequenceNumber);
            byte[] hash = EventDigest.of(previous, aggregate, sequenceNumber, event.getIdentifier(),
                    payload.getType().getName(), payload.getType().getRevision(), recorded, payload.getData(),
                    metaData.getData());
            statement.setString(1, event.getIdentifier());
            statement.setString(2, aggregate);
            statement.setLong(3, sequenceNumber);
            statement.setString(4, event.getType());
            statement.setString(5, recorded);
            statement.setString(6, payload.getType().getName());
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, payload.getData());
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, hash);
            statement.setString(11, text(event.getMetaData(), EventMetadata.ACTOR));
            statement.setString(12, text(event.getMetaData(), EventMetadata.CORRELATION_ID));
            statement.setString(13, text(event.getMetaData(), EventMetadata.BUSINESS_DATE));
            statement.setString(14, recorded);
            statement.addBatch();
            appended.put(aggregate, new Link(sequenceNumber, hash));
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root()
                .afterCommit(committed -> lastLinks.putAll(appended)));
        return statement;
    }

    private byte[] previousHash(Connection connection, EventSchema schema, Link inThisAppend, String aggregate,
                                long sequenceNumber) throws SQLException {
        Link known = inThisAppend != null ? inThisAppend : lastLinks.getIfPresent(aggregate);
        if (known != null && known.sequenceNumber() == sequenceNumber - 1) {
            return known.hash();
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT hash FROM " + schema.domainEventTable()
                + " WHERE " + schema.aggregateIdentifierColumn() + " = ? AND " + schema.sequenceNumberColumn() + " = ?")) {
            select.setString(1, aggregate);
            select.setLong(2, sequenceNumber - 1);
            try (ResultSet row = select.executeQuery()) {
                // The database's trigger chains an event whose predecessor is missing to nothing: so does this.
                return row.next() ? row.getBytes(1) : null;
            }
        }
    }

    /** A metadata value the audit columns copy, as the trigger read it from the stored JSON ({@code ->>}). */
    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new IllegalStateException("The metadata " + key + " of an event is " + value.getClass().getName()
                + ", not text: its audit column would not say what its JSON says");
    }

    /** As Axon stores an event that belongs to no aggregate: as the only event of a stream of its own id. */
    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        return new GenericDomainEventMessage<>(null, event.getIdentifier(), 0L, event, event::getTimestamp);
    }
}
