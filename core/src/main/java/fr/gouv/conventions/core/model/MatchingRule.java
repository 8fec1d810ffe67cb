package fr.gouv.conventions.core.model;

import java.math.BigDecimal;

/**
 * Each year, the matcher is expected to commit at least {@code ratio} times what the funder commits (R8).
 * Not a refusal: projections show whether it is met and the shortfall.
 */
public record MatchingRule(String funder, String matcher, BigDecimal ratio) {
}
