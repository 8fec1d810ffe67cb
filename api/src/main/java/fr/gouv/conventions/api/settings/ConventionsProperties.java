package fr.gouv.conventions.api.settings;

import fr.gouv.conventions.api.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * Every {@code conventions.*} setting of the service, with its default: the one place to read what can be set
 * (README, "Settings", lists them too). Each part is handed to the wiring of its concern.
 *
 * @param zone               the zone of business dates: a deadline day ends at midnight there
 * @param snapshotThreshold  a convention is snapshotted every this many events
 * @param aggregateCacheSize conventions kept in memory between commands; the event store keeps the last hash of as
 *                           many conventions' chains
 * @param commandRetries     how many times a command that lost a race with another instance is tried again (0: never)
 * @param nodeId             this instance's name in the token store; none gives each start a name of its own
 * @param eventStore         how the event store is read
 * @param rebuild            what a rebuild of the read models holds in memory
 * @param http               limits of what HTTP requests may carry
 * @param embeddedPostgres   the embedded PostgreSQL, started when no {@code spring.datasource.url} is set
 * @param security           who may use the service
 */
@ConfigurationProperties("conventions")
public record ConventionsProperties(
        @DefaultValue("Europe/Paris") ZoneId zone,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("5000") long aggregateCacheSize,
        @DefaultValue("5") int commandRetries,
        String nodeId,
        @DefaultValue EventStore eventStore,
        @DefaultValue Rebuild rebuild,
        @DefaultValue Http http,
        @DefaultValue EmbeddedPostgres embeddedPostgres,
        @DefaultValue Security security) {

    /**
     * @param batchSize events read per query when a processor or a rebuild streams the store (Axon's default is 100):
     *                  a replay of a million events makes a thousand queries instead of ten thousand
     */
    public record EventStore(@DefaultValue("1000") int batchSize) {
    }

    /**
     * @param batchSize events folded into the read models per transaction of a rebuild
     * @param viewsKept conventions whose views a rebuild keeps in memory (about 2 KB each, so about 100 MB of heap);
     *                  beyond that number it writes the least recently folded ones early, and reads one back if its
     *                  convention has another event
     */
    public record Rebuild(@DefaultValue("1000") int batchSize, @DefaultValue("50000") int viewsKept) {
    }

    /** @param maxBodyBytes the largest request body accepted; a larger one is refused with 413 */
    public record Http(@DefaultValue("65536") long maxBodyBytes) {
    }

    /**
     * @param dataDirectory the folder that holds the database across restarts
     * @param port          the port it listens on, on 127.0.0.1; 0 picks a free one
     * @param startupWait   how long to wait for it to accept connections
     */
    public record EmbeddedPostgres(
            @DefaultValue("./data/postgres") Path dataDirectory,
            @DefaultValue("15432") int port,
            @DefaultValue("60s") Duration startupWait) {
    }

    /**
     * @param users           people who authenticate with HTTP Basic, their passwords hashed ({@code {bcrypt}...})
     * @param generatedUsers  with no users configured, create {@code admin}, {@code auditor} and {@code reporter}
     *                        with generated passwords, written to {@code credentialsFile} (never to the log)
     * @param credentialsFile where generated passwords are kept, readable by the file's owner only
     * @param jwt             how bearer tokens map to people and roles, when a JWT issuer or key is configured
     */
    public record Security(
            @DefaultValue List<User> users,
            @DefaultValue("true") boolean generatedUsers,
            @DefaultValue("./data/credentials.properties") Path credentialsFile,
            @DefaultValue Jwt jwt) {

        /** A person who authenticates with a name and a password, and the roles they hold. */
        public record User(String name, String passwordHash, List<Role> roles) {
        }

        /**
         * @param rolesClaim     the claim that lists the roles, such as {@code ["ADMIN"]}
         * @param principalClaim the claim that names the person, recorded on every event they cause
         */
        public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("sub") String principalClaim) {
        }
    }
}
