package fr.gouv.conventions.api.http;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import fr.gouv.conventions.api.ServiceInstance;
import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.OwnRunningService;
import fr.gouv.conventions.api.fixture.Paths;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static fr.gouv.conventions.api.fixture.Answers.assertAccepted;
import static fr.gouv.conventions.api.fixture.Answers.assertRefused;
import static fr.gouv.conventions.api.fixture.Bodies.pasDeCalaisDraft;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens: with an RSA public key configured, a token signed with its private key (RS256) authenticates its
 * {@code sub}, who holds the {@code roles} it lists; an expired token, one signed by another key or not signed at
 * all is refused with 401, and HTTP Basic keeps working alongside.
 */
@OwnRunningService
class JwtAuthenticationIT {

    private static final String PREFET = "fabien.sudry@pas-de-calais.gouv.fr";

    static ServiceInstance service;
    static HttpApi api;
    static KeyPair issuerKeys;

    /** The service trusts tokens signed by a key pair made for this class, whose public half it reads from a file. */
    @DynamicPropertySource
    static void trustedIssuer(DynamicPropertyRegistry registry) throws Exception {
        issuerKeys = rsaKeyPair();
        Path publicKey = Files.createTempFile("issuer", ".pem");
        publicKey.toFile().deleteOnExit();
        Files.writeString(publicKey, pem(issuerKeys.getPublic()));
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + publicKey);
    }

    @Test
    void anAdministratorsTokenDraftsAndTheEventRecordsTheTokenSubjectAsActor() throws Exception {
        String token = signed(issuerKeys, claims(PREFET, List.of("ADMIN"), Instant.now().plus(Duration.ofMinutes(5))));

        HttpApi.Answer drafted = api.post(Paths.DRAFTS).bearer(token).json(pasDeCalaisDraft("drafted-with-a-token"))
                .send();

        assertAccepted(drafted, 201, "drafted-with-a-token", 0);
        assertThat(service.events("drafted-with-a-token").get(0).getMetaData()).containsEntry("actor", PREFET);
    }

    @Test
    void aReportersTokenIsForbiddenToCommand() throws Exception {
        String token = signed(issuerKeys, claims("lecteur", List.of("REPORTER"), Instant.now().plusSeconds(300)));

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(token).json(pasDeCalaisDraft("by-reporter")).send(),
                403, "FORBIDDEN");
    }

    @Test
    void aTokenWithoutRolesIsForbiddenToCommand() throws Exception {
        String token = signed(issuerKeys, new JWTClaimsSet.Builder().subject("nobody-in-particular")
                .expirationTime(Date.from(Instant.now().plusSeconds(300))).build());

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(token).json(pasDeCalaisDraft("without-roles"))
                .send(), 403, "FORBIDDEN");
    }

    @Test
    void anExpiredTokenIsRefusedWith401() throws Exception {
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10));
        String token = signed(issuerKeys, claims(PREFET, List.of("ADMIN"), tenMinutesAgo));

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(token).json(pasDeCalaisDraft("expired")).send(),
                401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefusedWith401() throws Exception {
        String token = signed(rsaKeyPair(), claims(PREFET, List.of("ADMIN"), Instant.now().plusSeconds(300)));

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(token).json(pasDeCalaisDraft("forged")).send(),
                401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenSignedWithHs256UsingThePublicKeyAsSecretIsRefusedWith401() throws Exception {
        SignedJWT confused = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256),
                claims(PREFET, List.of("ADMIN"), Instant.now().plusSeconds(300)));
        confused.sign(new MACSigner(pem(issuerKeys.getPublic()).getBytes()));

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(confused.serialize())
                .json(pasDeCalaisDraft("key-confusion")).send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void anUnsignedTokenIsRefusedWith401() {
        String unsigned = new PlainJWT(claims(PREFET, List.of("ADMIN"), Instant.now().plusSeconds(300))).serialize();

        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer(unsigned).json(pasDeCalaisDraft("unsigned")).send(),
                401, "UNAUTHENTICATED");
    }

    @Test
    void aTokenThatIsNotAJwtIsRefusedWith401() {
        assertRefused(service, () -> api.post(Paths.DRAFTS).bearer("not-a-token")
                .json(pasDeCalaisDraft("not-a-token")).send(), 401, "UNAUTHENTICATED");
    }

    @Test
    void httpBasicStillWorksAlongsideBearerTokens() {
        assertAccepted(api.post(Paths.DRAFTS).as("admin").json(pasDeCalaisDraft("drafted-with-basic")).send(), 201,
                "drafted-with-basic", 0);

        assertThat(service.events("drafted-with-basic").get(0).getMetaData()).containsEntry("actor", "admin");
    }

    @Test
    void anAnonymousRequestIsToldBothWaysToAuthenticate() {
        HttpApi.Answer refused = api.post(Paths.DRAFTS).anonymous().json(pasDeCalaisDraft("anonymous")).send();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().allValues("WWW-Authenticate"))
                .anyMatch(value -> value.startsWith("Basic"))
                .anyMatch(value -> value.startsWith("Bearer"));
    }

    private static JWTClaimsSet claims(String subject, List<String> roles, Instant expires) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("roles", roles)
                .issueTime(Date.from(Instant.now().minusSeconds(60)))
                .expirationTime(Date.from(expires))
                .build();
    }

    private static String signed(KeyPair keys, JWTClaimsSet claims) throws JOSEException {
        JWSSigner signer = new RSASSASigner(keys.getPrivate());
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        token.sign(signer);
        return token.serialize();
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
