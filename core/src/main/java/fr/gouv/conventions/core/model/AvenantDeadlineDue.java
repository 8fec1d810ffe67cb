package fr.gouv.conventions.core.model;

import java.time.LocalDate;

/** The payload of the scheduled deadline that fires when an avenant deadline passes on the wall clock (R6). */
public record AvenantDeadlineDue(String conventionId, LocalDate deadline) {

    public static final String DEADLINE_NAME = "avenant-deadline";
}
