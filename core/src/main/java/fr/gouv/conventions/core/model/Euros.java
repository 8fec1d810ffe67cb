package fr.gouv.conventions.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** An exact amount of euros with cents, travelling as a decimal string such as {@code "500000.00"}. */
public record Euros(BigDecimal amount) implements Comparable<Euros> {

    public static final Euros ZERO = new Euros(BigDecimal.ZERO);

    public Euros {
        Objects.requireNonNull(amount, "amount");
        // A sum of amounts already has 2 decimals: stripping its zeros to count them cost a replay a tenth of its
        // folding (see BENCHMARKS.md#euros-scale).
        if (amount.scale() != 2) {
            try {
                amount = amount.setScale(2, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException moreThanCents) {
                throw new IllegalArgumentException("an amount in euros has at most 2 decimals: "
                        + amount.toPlainString());
            }
        }
    }

    @JsonCreator
    public static Euros of(String amount) {
        return new Euros(new BigDecimal(amount));
    }

    public Euros plus(Euros other) {
        return new Euros(amount.add(other.amount));
    }

    public Euros minus(Euros other) {
        return new Euros(amount.subtract(other.amount));
    }

    public boolean isPositive() {
        return amount.signum() > 0;
    }

    public boolean exceeds(Euros other) {
        return compareTo(other) > 0;
    }

    @Override
    public int compareTo(Euros other) {
        return amount.compareTo(other.amount);
    }

    @JsonValue
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
