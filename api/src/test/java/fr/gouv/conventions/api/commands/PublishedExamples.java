package fr.gouv.conventions.api.commands;

/** The request bodies published in the contract, for the tests of other packages (RealHistoryExamples is not public). */
public final class PublishedExamples {

    public static final String BASSIN_MINIER_DRAFT = RealHistoryExamples.BASSIN_MINIER_DRAFT;

    private PublishedExamples() {
    }
}
