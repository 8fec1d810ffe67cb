package fr.gouv.conventions.projections.engagements;

import fr.gouv.conventions.projections.ReadModelSchema;

import java.util.Optional;

/**
 * A batch of events folded into one read-model schema by {@link ConventionProjection}: the views of the
 * conventions it touches are held in memory, the rows its events add are collected, and everything is written at
 * {@link #flush()}, in the caller's transaction, by the statements of {@link ReadModelTables}. The live projection
 * folds its batches with {@link LiveBatch}; a rebuild, into a schema it emptied, with {@link RebuildBatch}.
 */
public abstract sealed class ReadModelBatch permits LiveBatch, RebuildBatch {

    final ReadModelTables tables;
    final AppendedRows appended = new AppendedRows();

    ReadModelBatch(ReadModelTables tables) {
        this.tables = tables;
    }

    public ReadModelSchema schema() {
        return tables.schema();
    }

    /** The view of a convention as the schema keeps it, without its avenants; empty if it has none. */
    abstract Optional<ConventionView> view(String conventionId);

    /** Takes the view a convention's event gave, without its avenants. */
    abstract void put(ConventionView view);

    /** Takes a party as it was drafted or as it has just signed. */
    abstract void partyChanged(String conventionId, ConventionView.PartyView party);

    /** Writes every change of the batch, in the caller's transaction. */
    public abstract void flush();
}
