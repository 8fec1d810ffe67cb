package fr.gouv.conventions.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The bearer header read without a regular expression gives the answer Spring Security's default resolver gives. */
class BearerHeaderTest {

    private final BearerTokenResolver ours = new BearerHeader();
    private final BearerTokenResolver springs = new DefaultBearerTokenResolver();

    @Test
    void knownHeadersAreAnsweredAsSpringSecurityAnswersThem() {
        List<String> headers = List.of("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "bearer abc", "BEARER abc==",
                "BeArEr a-._~+/Z09=", "Bearer", "Bearer ", "Bearer  abc", "Bearer abc def", "Bearer abc=d",
                "Bearer =", "Bearer abc\n", "Bearer abc\t", "Bearerabc", "Bearer:abc", "Bearer \u00e9t\u00e9",
                "Bearer abc\u0000", "Basic YWRtaW46c2VjcmV0", "Token abc", "bearer", "", " Bearer abc",
                "Bearer abc ", "Bearer a%2Fb", "B\u0435arer abc", "Bearer abc==x", "Bearer abc===");
        for (String header : headers) {
            assertSameAnswer(header);
        }
        assertSameAnswer(null);
        assertThat(answer(ours, "bearer tok.en==")).isEqualTo("tok.en==");
        assertThat(answer(ours, "Bearer abc def")).isEqualTo(MALFORMED);
        assertThat(answer(ours, "Basic YWRtaW46c2VjcmV0")).isNull();
    }

    @Test
    void randomHeadersAreAnsweredAsSpringSecurityAnswersThem() {
        Random random = new Random(20261202);
        String alphabet = "bearBEAR xyzXYZ09-._~+/=\t\n:,;%\u00e9\u0130\u212a";
        for (int n = 0; n < 100_000; n++) {
            StringBuilder header = new StringBuilder(random.nextBoolean() ? "Bearer " : "");
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAnswer(header.toString());
        }
    }

    private static final String MALFORMED = "<malformed>";

    private void assertSameAnswer(String header) {
        assertThat(answer(ours, header)).as("Authorization: %s", header).isEqualTo(answer(springs, header));
    }

    private static String answer(BearerTokenResolver resolver, String header) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/conventions");
        if (header != null) {
            request.addHeader("Authorization", header);
        }
        try {
            return resolver.resolve(request);
        } catch (OAuth2AuthenticationException refused) {
            String reason = refused.getError().getErrorCode() + ": " + refused.getError().getDescription();
            return reason.equals("invalid_token: Bearer token is malformed") ? MALFORMED : reason;
        }
    }
}
