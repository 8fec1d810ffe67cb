package fr.gouv.conventions.projections.engagements;

/**
 * Where a convention stands, as the events tell it. {@code EXPIRED} is not an event: a convention in force is
 * shown expired once the day it is seen on is past its end date.
 */
public enum Lifecycle {
    DRAFT,
    PARTIALLY_SIGNED,
    IN_FORCE,
    EXPIRED,
    TERMINATED
}
