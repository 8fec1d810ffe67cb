package fr.gouv.conventions.core.event;

import java.time.LocalDate;

/** A party signed the convention. */
public record ConventionSigned(String conventionId, String party, String signatory, LocalDate signedOn)
        implements ConventionEvent {

    @Override
    public LocalDate businessDate() {
        return signedOn;
    }
}
