package fr.gouv.conventions.core.model;

/** What a convention is: an engagement with one département, a reinforced local version, a CALPAE, or another kind. */
public enum ConventionKind {
    ENGAGEMENT,
    DECLINAISON_RENFORCEE,
    CALPAE,
    AUTRE
}
