package fr.gouv.conventions.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event as auditors see it: what it is, its data, the business date of the fact, when it was recorded,
 * who issued it, the correlation id of the request, and its link in the convention's hash chain.
 */
public record AuditedEvent(long globalIndex, String conventionId, long sequenceNumber, String eventId, String type,
                           JsonNode data, LocalDate businessDate, Instant recordedAt, String actor,
                           String correlationId, JsonNode metadata, String hash) {
}
