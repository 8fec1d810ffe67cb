package fr.gouv.conventions.api.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * Who may use the service.
 *
 * @param users            people who authenticate with HTTP Basic, their passwords hashed ({@code {bcrypt}...})
 * @param generatedUsers   with no users configured, create {@code admin}, {@code auditor} and {@code reporter} with
 *                         generated passwords, written to {@code credentialsFile} (never to the log)
 * @param credentialsFile  where generated passwords are kept, readable by the file's owner only
 * @param jwt              how bearer tokens map to people and roles, when a JWT issuer or key is configured
 */
@ConfigurationProperties("conventions.security")
public record SecurityProperties(
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
