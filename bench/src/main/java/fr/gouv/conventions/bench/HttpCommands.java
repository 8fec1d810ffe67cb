package fr.gouv.conventions.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * An administrator sending commands over HTTP, authenticated by a bearer token the benchmark signs itself (the
 * service trusts its public key), as an OIDC deployment would.
 */
final class HttpCommands {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String bearer;

    private HttpCommands(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.bearer = "Bearer " + token;
    }

    /** A key pair for the tokens; its public half is written where the service reads it. */
    static KeyPair keys(Path publicKeyFile) throws NoSuchAlgorithmException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return keys;
    }

    static HttpCommands as(int port, KeyPair keys, String subject, List<String> roles) throws JOSEException {
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .subject(subject).claim("roles", roles).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(6)))).build());
        token.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
        return new HttpCommands(port, token.serialize());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String draft(String id) {
        return """
                {"id":"%s","kind":"DECLINAISON_RENFORCEE","title":"Convention de banc d'essai %s",
                 "territory":{"name":"Bassin minier","departements":["59","62"]},
                 "period":{"from":"2019-07-10","to":"2025-12-31"},
                 "parties":[{"id":"prefet-region","role":"ETAT","name":"Préfet de région","representative":"Préfet"},
                            {"id":"cd-59","role":"DEPARTEMENT","name":"Département du Nord","representative":"Président"}],
                 "axes":["INSERTION_EMPLOI","PREVENTION"],
                 "matching":[{"funder":"prefet-region","matcher":"cd-59","ratio":"1.0"}],
                 "draftedOn":"2019-07-01"}""".formatted(id, id);
    }

    static String signature(String party) {
        return "{\"party\":\"" + party + "\",\"signatory\":\"Signataire\",\"signedOn\":\"2019-07-10\"}";
    }

    static String commitment(String party, int year) {
        return "{\"party\":\"" + party + "\",\"year\":" + year
                + ",\"amount\":\"1250.50\",\"axis\":\"INSERTION_EMPLOI\",\"committedOn\":\"2020-01-15\"}";
    }

    static String modifyingAvenant() {
        return "{\"kind\":\"MODIFICATIF\",\"signedOn\":\"2020-06-01\",\"summary\":\"Report de la date du bilan\"}";
    }
}
