package fr.gouv.conventions.api.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of a request, found as Spring Security's {@code DefaultBearerTokenResolver} finds it by default:
 * in the {@code Authorization} header only, as {@code Bearer}, one space and an RFC 6750 token (token68 characters,
 * then {@code =} padding), the scheme in any case; a header that starts with {@code bearer} but is not that is
 * refused as a malformed token. It reads the header with a loop instead of that resolver's regular expression,
 * which took 1.6 % of the service's CPU under load (BENCHMARKS.md#bearer-header). {@code BearerHeaderTest} checks both
 * give the same answer.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "bearer";

    /** The characters of a token, before its padding: {@code [a-zA-Z0-9-._~+/]}. */
    private static final boolean[] TOKEN68 = new boolean[128];

    static {
        for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~+/".toCharArray()) {
            TOKEN68[c] = true;
        }
    }

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (!wellFormed(authorization)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return authorization.substring(SCHEME.length() + 1);
    }

    /** {@code ^Bearer [a-zA-Z0-9-._~+/]+=*$}, the scheme's letters in either case (ASCII only, as the pattern). */
    private static boolean wellFormed(String header) {
        int start = SCHEME.length() + 1;
        if (header.length() <= start || header.charAt(SCHEME.length()) != ' ') {
            return false;
        }
        for (int i = 0; i < SCHEME.length(); i++) {
            char c = header.charAt(i);
            if (c != SCHEME.charAt(i) && c != Character.toUpperCase(SCHEME.charAt(i))) {
                return false;
            }
        }
        int i = start;
        while (i < header.length() && token68(header.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < header.length() && header.charAt(i) == '=') {
            i++;
        }
        return i == header.length();
    }

    private static boolean token68(char c) {
        return c < TOKEN68.length && TOKEN68[c];
    }
}
