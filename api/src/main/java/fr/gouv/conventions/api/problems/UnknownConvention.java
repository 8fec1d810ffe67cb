package fr.gouv.conventions.api.problems;

/** No convention has this id (or none had it yet on the date asked). */
public class UnknownConvention extends RuntimeException {

    public UnknownConvention(String conventionId) {
        super("There is no convention " + conventionId);
    }
}
