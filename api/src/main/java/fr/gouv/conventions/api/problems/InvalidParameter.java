package fr.gouv.conventions.api.problems;

/** A header or query parameter that does not have the shape it must have, or cannot go with another one. */
public class InvalidParameter extends RuntimeException {

    final String parameter;

    public InvalidParameter(String parameter, String reason) {
        super(reason);
        this.parameter = parameter;
    }
}
