package fr.gouv.conventions.core.event;

import fr.gouv.conventions.core.command.BusinessDated;

/** Something that happened to one convention, on a business date. */
public interface ConventionEvent extends BusinessDated {

    String conventionId();
}
