package fr.gouv.conventions.api.http;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Tomcat's own error answers (a request it refuses before any filter, such as an encoded slash in the path) as
 * RFC 9457 problems rather than Tomcat's HTML page, with a code and a correlation id like every other refusal.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = status == 400 ? "REQUEST_REJECTED" : known != null ? known.name() : "ERROR";
        String correlationId = response.getHeader(CorrelationIdFilter.HEADER);
        if (correlationId == null) {
            correlationId = UUID.randomUUID().toString();
            response.setHeader(CorrelationIdFilter.HEADER, correlationId);
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + (known != null ? known.getReasonPhrase() : "Error")
                        + "\",\"status\":" + status + ",\"detail\":\"The request was refused before it reached the"
                        + " service: its path or headers are malformed\",\"code\":\"" + code
                        + "\",\"correlationId\":\"" + correlationId + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem answer", e);
        }
    }
}
