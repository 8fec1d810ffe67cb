package fr.gouv.conventions.api.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Lets an answer that fits in Tomcat's response buffer (8 KiB) leave whole, in one write, with its
 * {@code Content-Length}. Spring MVC flushes an answer as soon as its body is written (the message converter
 * flushes the body, then {@code HttpEntityMethodProcessor} the response): that commits the response before its
 * end, so Tomcat sent every answer chunked, in two writes (the head with the body, then the last chunk), and
 * woke the client twice (BENCHMARKS.md#whole-answer-filter). So flushing is left to Tomcat, which writes its buffer out
 * when it is full or when the answer ends: a larger answer still leaves as it is written. No answer of this
 * service needs to reach the client before its end (it streams no events).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WholeAnswerFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new WholeAnswer(response));
    }

    private static final class WholeAnswer extends HttpServletResponseWrapper {
        private ServletOutputStream body;

        WholeAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (body == null) {
                body = new FlushLeftToTomcat(super.getOutputStream());
            }
            return body;
        }

        @Override
        public void flushBuffer() {
            // Tomcat writes the buffer out when it is full or when the answer ends.
        }
    }

    private static final class FlushLeftToTomcat extends ServletOutputStream {
        private final ServletOutputStream tomcat;

        FlushLeftToTomcat(ServletOutputStream tomcat) {
            this.tomcat = tomcat;
        }

        @Override
        public void write(int b) throws IOException {
            tomcat.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            tomcat.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // Tomcat writes the buffer out when it is full or when the answer ends.
        }

        @Override
        public void close() throws IOException {
            tomcat.close();
        }

        @Override
        public boolean isReady() {
            return tomcat.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            tomcat.setWriteListener(listener);
        }
    }
}
