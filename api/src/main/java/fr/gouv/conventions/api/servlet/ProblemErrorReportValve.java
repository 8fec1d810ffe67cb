package fr.gouv.conventions.api.servlet;

import fr.gouv.conventions.api.problems.ProblemWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.IOException;

/**
 * Tomcat's own error answers (a request it refuses before any filter, such as an encoded slash in the path) as
 * RFC 9457 problems rather than Tomcat's HTML page, with a code and a correlation id like every other refusal.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemWriter problems;

    ProblemErrorReportValve(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            problems.writeTomcatRefusal(response);
        } catch (IOException | IllegalStateException e) {
            container.getLogger().debug("Could not write the problem answer", e);
        }
    }
}
