package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.LocalDate;

/** The dates a convention runs between, both included. */
public record Period(LocalDate from, LocalDate to) {

    @JsonIgnore
    public boolean isValid() {
        return from != null && to != null && !to.isBefore(from);
    }

    public boolean coversYear(int year) {
        return year >= from.getYear() && year <= to.getYear();
    }

    public Period endingOn(LocalDate newEnd) {
        return new Period(from, newEnd);
    }
}
