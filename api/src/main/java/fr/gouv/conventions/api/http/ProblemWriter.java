package fr.gouv.conventions.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

/** Writes an RFC 9457 problem answer outside Spring MVC: in filters and in the security chain. */
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

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        Object forwardedFrom = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(URI.create(forwardedFrom != null ? forwardedFrom.toString() : request.getRequestURI()));
        String correlationId = CorrelationIdFilter.of(request);
        if (correlationId == null) {
            // Tomcat refused the request before the filters ran, and forwarded it here as an error.
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        problem.setProperty("correlationId", correlationId);
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
