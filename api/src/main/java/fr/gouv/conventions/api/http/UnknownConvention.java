package fr.gouv.conventions.api.http;

/** No convention has this id (or none had it yet on the date asked). */
class UnknownConvention extends RuntimeException {

    UnknownConvention(String conventionId) {
        super("There is no convention " + conventionId);
    }
}
