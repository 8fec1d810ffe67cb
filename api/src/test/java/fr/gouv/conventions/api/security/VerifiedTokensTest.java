package fr.gouv.conventions.api.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private final List<String> verifications = new ArrayList<>();

    @Test
    void aTokenVerifiedOnceIsNotVerifiedAgain() {
        JwtDecoder tokens = new VerifiedTokens(verifying(Instant.now().plusSeconds(3600)), 10, Duration.ofMinutes(5));

        Jwt first = tokens.decode("token-a");
        Jwt second = tokens.decode("token-a");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("token-a");
    }

    @Test
    void anotherTokenIsVerifiedOnItsOwn() {
        JwtDecoder tokens = new VerifiedTokens(verifying(Instant.now().plusSeconds(3600)), 10, Duration.ofMinutes(5));

        tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(verifications).containsExactly("token-a", "token-b");
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() {
        // Valid when first verified (within the validator's 60 s of clock skew), expired when used again.
        Instant expiresAt = Instant.now().minusSeconds(59);
        JwtDecoder delegate = token -> {
            verifications.add(token);
            if (verifications.size() > 1) {
                throw new JwtValidationException("expired", List.of(new OAuth2Error("invalid_token")));
            }
            return jwt(token, expiresAt);
        };
        JwtDecoder tokens = new VerifiedTokens(delegate, 10, Duration.ofMinutes(5));
        tokens.decode("token-a");

        waitUntil(expiresAt.plusSeconds(61));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        JwtDecoder delegate = token -> {
            verifications.add(token);
            throw new BadJwtException("bad signature");
        };
        JwtDecoder tokens = new VerifiedTokens(delegate, 10, Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }

    private JwtDecoder verifying(Instant expiresAt) {
        return token -> {
            verifications.add(token);
            return jwt(token, expiresAt);
        };
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("someone")
                .issuedAt(expiresAt.minusSeconds(3600)).expiresAt(expiresAt).build();
    }

    private static void waitUntil(Instant instant) {
        long millis = Duration.between(Instant.now(), instant).toMillis();
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
