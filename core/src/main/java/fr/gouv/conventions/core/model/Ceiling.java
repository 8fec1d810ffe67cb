package fr.gouv.conventions.core.model;

/** The most a party may commit to a convention for one year. */
public record Ceiling(String party, int year, Euros amount) {
}
