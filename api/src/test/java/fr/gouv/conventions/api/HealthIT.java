package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** The health endpoint says when the service, its database included, is ready. */
@RunningService
class HealthIT {

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
