package fr.gouv.conventions.core.event;

/** The metadata every stored event carries, so that each decision is attributable and traceable. */
public final class EventMetadata {

    /** Who issued the command that led to the event, or the system component that decided it. */
    public static final String ACTOR = "actor";
    /** The id shared by every message of one request, given by the caller or generated. */
    public static final String CORRELATION_ID = "correlationId";
    /** The business date of the fact the event records (ISO date). */
    public static final String BUSINESS_DATE = "businessDate";

    private EventMetadata() {
    }
}
