package fr.gouv.conventions.api.problems;

import org.apache.catalina.connector.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Tomcat's refusals, now written by Jackson, answer exactly the text the valve once put together by hand. */
class ProblemWriterTest {

    private final ProblemWriter problems = new ProblemWriter(Jackson2ObjectMapperBuilder.json().build());

    @ParameterizedTest
    @CsvSource({"400, Bad Request, REQUEST_REJECTED", "404, Not Found, NOT_FOUND",
            "505, HTTP Version not supported, HTTP_VERSION_NOT_SUPPORTED", "499, Error, ERROR"})
    void aTomcatRefusalIsTheProblemOfItsStatus(int status, String title, String code) throws Exception {
        StringWriter report = new StringWriter();
        Response response = refused(status, "given-id", report);

        problems.writeTomcatRefusal(response);

        assertThat(report.toString()).isEqualTo("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":"
                + status + ",\"detail\":\"The request was refused before it reached the service: its path or headers"
                + " are malformed\",\"code\":\"" + code + "\",\"correlationId\":\"given-id\"}");
        verify(response).setContentType("application/problem+json");
        verify(response).setCharacterEncoding("UTF-8");
        verify(response).finishResponse();
    }

    @Test
    void aTomcatRefusalWithoutCorrelationIdGetsOneInItsHeaderAndItsBody() throws Exception {
        StringWriter report = new StringWriter();
        Response response = refused(400, null, report);

        problems.writeTomcatRefusal(response);

        var header = ArgumentCaptor.forClass(String.class);
        verify(response).setHeader(eq("X-Correlation-Id"), header.capture());
        assertThat(header.getValue()).matches("[0-9a-f-]{36}");
        assertThat(report.toString()).endsWith(",\"correlationId\":\"" + header.getValue() + "\"}");
    }

    private static Response refused(int status, String correlationId, StringWriter report) throws Exception {
        Response response = mock(Response.class);
        when(response.getStatus()).thenReturn(status);
        when(response.getHeader("X-Correlation-Id")).thenReturn(correlationId);
        when(response.getReporter()).thenReturn(new PrintWriter(report, true));
        return response;
    }
}
