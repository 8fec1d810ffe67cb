package fr.gouv.conventions.api.problems;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.correlation.CorrelationIdFilter;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Response;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes every RFC 9457 problem answer of the service, with the HTTP mapper (Jackson): those of Spring MVC
 * ({@link ProblemResponses}), of the filters and the security chain, and of Tomcat itself. Each carries a stable
 * {@code code} and the request's correlation id.
 */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    /** A problem answer with the stable {@code code} member every refusal of the service carries. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** A problem answered through Spring MVC, which writes it with the same mapper. */
    ResponseEntity<Object> answer(HttpServletRequest request, ProblemDetail problem) {
        problem.setInstance(URI.create(request.getRequestURI()));
        addCorrelationId(problem, request);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    /** Adds the request's correlation id to a problem that Spring MVC made. */
    static void addCorrelationId(ProblemDetail problem, HttpServletRequest request) {
        String correlationId = CorrelationIdFilter.of(request);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
    }

    /** A problem answered outside Spring MVC: in filters and in the security chain. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(URI.create(forwardedFrom != null ? forwardedFrom.toString() : request.getRequestURI()));
        // Without one, Tomcat refused the request before the filters ran, and forwarded it here as an error.
        problem.setProperty("correlationId", correlationIdOrNew(CorrelationIdFilter.of(request), response));
        response.setStatus(problem.getStatus());
        setProblemContentType(response);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * What Tomcat refuses before any filter runs, such as an encoded slash in a path: the problem of its status,
     * with no instance, written as Tomcat's own error report.
     */
    public void writeTomcatRefusal(Response response) throws IOException {
        int status = response.getStatus();
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                "The request was refused before it reached the service: its path or headers are malformed");
        problem.setTitle(known != null ? known.getReasonPhrase() : "Error");
        problem.setProperty("code", status == 400 ? "REQUEST_REJECTED" : known != null ? known.name() : "ERROR");
        problem.setProperty("correlationId",
                correlationIdOrNew(response.getHeader(CorrelationIdFilter.HEADER), response));
        setProblemContentType(response);
        Writer report = response.getReporter();
        if (report != null) {
            report.write(json.writeValueAsString(problem));
            response.finishResponse();
        }
    }

    /** The request's correlation id; where it has none yet, a new one, also returned in the answer's header. */
    private static String correlationIdOrNew(String known, HttpServletResponse response) {
        if (known != null) {
            return known;
        }
        String generated = UUID.randomUUID().toString();
        response.setHeader(CorrelationIdFilter.HEADER, generated);
        return generated;
    }

    private static void setProblemContentType(HttpServletResponse response) {
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
}
