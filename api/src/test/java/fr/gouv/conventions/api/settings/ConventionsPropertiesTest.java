package fr.gouv.conventions.api.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings bind from their names and defaults, and the README's table lists every one with its default. */
class ConventionsPropertiesTest {

    @Test
    void withNothingSetEverySettingHasItsDefault() {
        ConventionsProperties settings = bind(Map.of());

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(settings.snapshotThreshold()).isEqualTo(100);
        assertThat(settings.aggregateCacheSize()).isEqualTo(5000);
        assertThat(settings.commandRetries()).isEqualTo(5);
        assertThat(settings.nodeId()).isNull();
        assertThat(settings.eventStore().batchSize()).isEqualTo(1000);
        assertThat(settings.rebuild()).isEqualTo(new ConventionsProperties.Rebuild(1000, 50_000));
        assertThat(settings.http().maxBodyBytes()).isEqualTo(65_536);
        assertThat(inWorkingDirectory(settings.embeddedPostgres().dataDirectory())).isEqualTo(
                inWorkingDirectory(Path.of("data", "postgres")));
        assertThat(settings.embeddedPostgres().port()).isEqualTo(15432);
        assertThat(settings.embeddedPostgres().startupWait()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.security().users()).isEmpty();
        assertThat(settings.security().generatedUsers()).isTrue();
        assertThat(inWorkingDirectory(settings.security().credentialsFile())).isEqualTo(
                inWorkingDirectory(Path.of("data", "credentials.properties")));
        assertThat(settings.security().jwt()).isEqualTo(new ConventionsProperties.Security.Jwt("roles", "sub"));
    }

    @Test
    void settingsAreReadUnderTheirDashedNames() {
        ConventionsProperties settings = bind(Map.of("conventions.zone", "Europe/Berlin",
                "conventions.command-retries", "0", "conventions.rebuild.views-kept", "3",
                "conventions.security.users[0].name", "marie", "conventions.security.users[0].password-hash", "{noop}x",
                "conventions.security.users[0].roles", "ADMIN,AUDITOR"));

        assertThat(settings.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(settings.commandRetries()).isZero();
        assertThat(settings.rebuild()).isEqualTo(new ConventionsProperties.Rebuild(1000, 3));
        assertThat(settings.security().users()).containsExactly(new ConventionsProperties.Security.User("marie",
                "{noop}x", List.of(Role.ADMIN, Role.AUDITOR)));
    }

    /** The metadata is written by the configuration processor when the module is compiled. */
    @Test
    void theReadmeListsEverySettingWithItsDefault() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(
                getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json"));
        String readme = Files.readString(Path.of("../README.md"));

        assertThat(metadata.get("properties")).hasSize(17);
        for (JsonNode property : metadata.get("properties")) {
            JsonNode defaultValue = property.get("defaultValue");
            String row = "| `" + property.get("name").asText() + "` | "
                    + (defaultValue == null ? "none" : "`" + defaultValue.asText() + "`");
            assertThat(readme).contains(row);
        }
    }

    private static Path inWorkingDirectory(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static ConventionsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("conventions", ConventionsProperties.class);
    }
}
