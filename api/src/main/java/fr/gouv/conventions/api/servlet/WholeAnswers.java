package fr.gouv.conventions.api.servlet;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Every answer leaves whole, in one write, with its {@code Content-Length}, through Spring's
 * {@link ContentCachingResponseWrapper}: Spring MVC flushes an answer as soon as its body is written, which would
 * commit the response before its end and send it chunked, in two writes. No answer of this service needs to reach
 * the client before its end (it streams no events).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class WholeAnswers extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper whole = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, whole);
        whole.copyBodyToResponse();
    }
}
