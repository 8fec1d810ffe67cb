package fr.gouv.conventions.core.command;

import java.time.LocalDate;

/** A message about a fact that happened on a business date, whatever the day it is recorded. */
public interface BusinessDated {

    LocalDate businessDate();
}
