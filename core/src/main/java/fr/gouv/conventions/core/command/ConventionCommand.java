package fr.gouv.conventions.core.command;

/** A command about one convention, dated by the business date of the fact it records. */
public interface ConventionCommand extends BusinessDated {

    String conventionId();
}
