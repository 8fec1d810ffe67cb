package fr.gouv.conventions.core.model;

import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The test fixture of the aggregate, with a wall clock fixed on {@link #TODAY} in Paris. */
final class ConventionTesting {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = TODAY.atTime(10, 0).atZone(PARIS).toInstant();
    static final LocalDate TOMORROW = TODAY.plusDays(1);

    private ConventionTesting() {
    }

    /**
     * A fixture whose injected {@link Clock} says it is {@link #NOW}. The fixture keeps its own notion of the
     * current time for deadlines; tests that schedule deadlines start it at the same instant with
     * {@code givenCurrentTime(NOW)}.
     */
    static AggregateTestFixture<Convention> conventionFixture() {
        AggregateTestFixture<Convention> fixture = new AggregateTestFixture<>(Convention.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, PARIS));
        return fixture;
    }

    /** The instant a deadline on {@code date} passes: midnight in Paris at the end of that day. */
    static Instant passes(LocalDate date) {
        return date.plusDays(1).atStartOfDay(PARIS).toInstant();
    }

    static LocalDate date(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    static Euros euros(String amount) {
        return Euros.of(amount);
    }
}
