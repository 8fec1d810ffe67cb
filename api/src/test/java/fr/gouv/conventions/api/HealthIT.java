package fr.gouv.conventions.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The health endpoint says when the service, its database included, is ready. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HealthIT {

    @DynamicPropertySource
    static void embeddedDatabase(DynamicPropertyRegistry registry) throws IOException {
        var dataDirectory = Files.createTempDirectory("conventions-health");
        registry.add("conventions.embedded-postgres.data-directory", () -> dataDirectory.resolve("postgres").toString());
        registry.add("conventions.security.credentials-file",
                () -> dataDirectory.resolve("credentials.properties").toString());
        registry.add("conventions.embedded-postgres.port", () -> "0");
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void healthAndReadinessAreUpOnceTheDatabaseIsReady() {
        ResponseEntity<String> health = http.getForEntity("/actuator/health", String.class);
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).contains("\"status\":\"UP\"");
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
    }
}
