package fr.gouv.conventions.projections.engagements;

/**
 * Where an avenant deadline stands. {@code OVERDUE} is not an event: an open deadline is shown overdue once the
 * day it is seen on is past it, until it is fulfilled, extended, or recorded as missed by the wall clock (R6).
 */
public enum DeadlineState {
    OPEN,
    OVERDUE,
    FULFILLED,
    MISSED
}
