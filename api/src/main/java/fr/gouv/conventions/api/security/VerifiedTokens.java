package fr.gouv.conventions.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Duration;

/**
 * Bearer tokens already verified, remembered so that a client sending the same token with every request does
 * not pay an RSA signature check each time (CPU per request, BENCHMARKS.md#verified-tokens). Only the exact token
 * string, signature included, is recognised; a remembered token is still refused once it has expired, and is
 * forgotten after a few minutes anyway. A token that fails verification is never remembered.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> stillValid = new JwtTimestampValidator();
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, long size, Duration remembered) {
        this.decoder = decoder;
        // Its upkeep runs on the request's thread: handed to the common pool, it woke a thread of its own at
        // every request (see BENCHMARKS.md#caffeine-upkeep).
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(remembered)
                .executor(Runnable::run).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null && !stillValid.validate(known).hasErrors()) {
            return known;
        }
        verified.invalidate(token);
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
