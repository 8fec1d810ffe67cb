package fr.gouv.conventions.projections;

import java.util.List;

/** One page of a longer list, in a stable order. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
