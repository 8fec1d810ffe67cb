package fr.gouv.conventions.core.model;

import java.time.LocalDate;

/** A document that is an integral part of the convention, such as the ERBM protocol of 9 Nov 2018. */
public record IntegratedDocument(String title, LocalDate signedOn) {
}
