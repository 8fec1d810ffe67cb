package fr.gouv.conventions.api.problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit; answered with 413. */
public class BodyTooLarge extends IOException {

    private final long maxBytes;

    public BodyTooLarge(long maxBytes) {
        super("The request body is larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    /** The answer to a body over {@code maxBytes}, whether its declared length or its reading told. */
    public static ProblemDetail problem(long maxBytes) {
        return ProblemWriter.problem(HttpStatus.PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE",
                "The request body is larger than " + maxBytes + " bytes");
    }

    ProblemDetail problem() {
        return problem(maxBytes);
    }
}
