package fr.gouv.conventions.api;

import fr.gouv.conventions.api.fixture.HttpApi;
import fr.gouv.conventions.api.fixture.RunningService;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The health endpoint says when the service, its database included, is ready. */
@RunningService
class HealthIT {

    static HttpApi api;

    @Test
    void healthAndReadinessAreUpOnceTheDatabaseIsReady() {
        HttpApi.Answer health = api.get("/actuator/health").anonymous().send();
        HttpApi.Answer readiness = api.get("/actuator/health/readiness").anonymous().send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"");
    }
}
