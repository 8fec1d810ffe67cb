package fr.gouv.conventions.api.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the embedded PostgreSQL keeps its data and listens, when no datasource URL is configured.
 *
 * @param dataDirectory the folder that holds the database across restarts
 * @param port          the port it listens on, on 127.0.0.1; 0 picks a free one
 * @param startupWait   how long to wait for it to accept connections
 */
@ConfigurationProperties("conventions.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("15432") int port,
        @DefaultValue("60s") Duration startupWait) {
}
