package fr.gouv.conventions.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * service trusts its public key), as an OIDC deployment would, on kept-alive connections ({@link HttpConnections}).
 */
final class HttpCommands {

    private static final byte[] NO_BODY = new byte[0];

    private final HttpConnections connections;
    private final String headers;

    private HttpCommands(int port, String token) {
        this.connections = new HttpConnections("127.0.0.1", port);
        this.headers = "Authorization: Bearer " + token + "\r\n";
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

    HttpConnections.Answer post(String path, String json) throws IOException {
        return connections.exchange("POST", path, headers + "Content-Type: application/json\r\n",
                json.isEmpty() ? NO_BODY : json.getBytes(StandardCharsets.UTF_8));
    }

    HttpConnections.Answer get(String path) throws IOException {
        return connections.exchange("GET", path, headers, null);
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
