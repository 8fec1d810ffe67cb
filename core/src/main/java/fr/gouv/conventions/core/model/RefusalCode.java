package fr.gouv.conventions.core.model;

/** The stable codes of the domain's refusals; clients may rely on them. */
public enum RefusalCode {
    /** A required piece of the command is missing or blank, named by the fact {@code field} (R1). */
    MISSING_INFORMATION,
    /** The period ends before it starts, or a new end date falls before the start (R1, R3). */
    INVALID_PERIOD,
    /** A convention needs at least two parties (R1). */
    TOO_FEW_PARTIES,
    /** Two parties share an id (R1). */
    DUPLICATE_PARTY,
    /** Two ceilings are set for the same party and year (R1). */
    DUPLICATE_CEILING,
    /** A matching rule names the same party twice or a ratio that is not positive (R1, R8). */
    INVALID_MATCHING,
    /** The party named is not a party to the convention (R1, R2, R7). */
    NOT_A_PARTY,
    /** The party has already signed (R2). */
    ALREADY_SIGNED,
    /** A business date lies after today (R2). */
    DATE_IN_FUTURE,
    /** The convention is not in force yet (R3, R7). */
    NOT_IN_FORCE,
    /** A date lies before the convention's entry into force (R3, R7). */
    DATE_BEFORE_ENTRY_INTO_FORCE,
    /** An avenant is dated before the previous one (R3). */
    AVENANT_OUT_OF_ORDER,
    /** The avenant's content does not fit its kind (R3). */
    INVALID_AVENANT,
    /** A prolongation's new end date is not later than the current one (R3). */
    END_DATE_NOT_LATER,
    /** A financial avenant is signed after the open avenant deadline (R4). */
    AVENANT_DEADLINE_PASSED,
    /** There is no open avenant deadline to extend (R5). */
    NO_OPEN_DEADLINE,
    /** An extended deadline must be later than the current one (R5). */
    DEADLINE_NOT_LATER,
    /** The year lies outside the convention's period, prolongations included (R7). */
    YEAR_OUTSIDE_PERIOD,
    /** An amount must be strictly positive (R7). */
    INVALID_AMOUNT,
    /** The axis named is not one of the convention's axes (R7). */
    UNKNOWN_AXIS,
    /** The party's commitments for the year would exceed its ceiling (R7). */
    CEILING_EXCEEDED,
    /** The convention is terminated: nothing more can happen to it (R9). */
    CONVENTION_TERMINATED
}
