package fr.gouv.conventions.core.model;

/** An authority that signs the convention, as named in it, with the person who represents it. */
public record Party(String id, PartyRole role, String name, String representative) {
}
