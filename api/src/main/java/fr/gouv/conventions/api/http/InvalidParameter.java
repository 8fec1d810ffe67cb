package fr.gouv.conventions.api.http;

/** A header or query parameter that does not have the shape it must have, or cannot go with another one. */
class InvalidParameter extends RuntimeException {

    final String parameter;

    InvalidParameter(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }
}
