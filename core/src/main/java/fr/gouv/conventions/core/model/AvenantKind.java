package fr.gouv.conventions.core.model;

/** What an avenant does: sets commitments, modifies dates, or prolongs the convention. */
public enum AvenantKind {
    FINANCIER,
    MODIFICATIF,
    PROLONGATION
}
