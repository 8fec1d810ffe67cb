package fr.gouv.conventions.core.model;

/** The kind of authority a party to a convention is. */
public enum PartyRole {
    ETAT,
    DEPARTEMENT,
    REGION,
    METROPOLE,
    AUTRE
}
