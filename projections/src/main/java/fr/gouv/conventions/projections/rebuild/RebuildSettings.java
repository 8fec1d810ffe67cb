package fr.gouv.conventions.projections.rebuild;

/**
 * What a rebuild holds at once, set by the service ({@code conventions.rebuild.*}).
 *
 * @param batchSize events folded into the read models per transaction
 * @param viewsKept conventions whose views are kept in memory; beyond that number the least recently folded ones
 *                  are written early, and read back if their convention has another event
 */
public record RebuildSettings(int batchSize, int viewsKept) {
}
