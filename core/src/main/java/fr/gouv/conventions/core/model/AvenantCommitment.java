package fr.gouv.conventions.core.model;

/** A commitment of funds set by a financial avenant; {@code axis} and {@code action} are optional. */
public record AvenantCommitment(String party, int year, Euros amount, String axis, String action) {
}
