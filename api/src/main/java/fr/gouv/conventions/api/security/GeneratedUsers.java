package fr.gouv.conventions.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The default users of a fresh installation, one per role, with random passwords kept in a file that only its
 * owner can read, so that a newcomer can log in and the passwords never appear in a log.
 */
final class GeneratedUsers {

    private static final Logger log = LoggerFactory.getLogger(GeneratedUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedUsers() {
    }

    /** The users and their plain passwords, read from the file, or generated and written to it the first time. */
    static Properties load(Path file) throws IOException {
        Properties passwords = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file)) {
                passwords.load(reader);
            }
        }
        boolean added = false;
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase();
            if (!passwords.containsKey(name)) {
                passwords.setProperty(name, newPassword());
                added = true;
            }
        }
        if (added) {
            write(file, passwords);
        }
        log.info("Users admin, auditor and reporter: their passwords are in {}", file.toAbsolutePath());
        return passwords;
    }

    private static void write(Path file, Properties passwords) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temporary = Files.createTempFile(folder, "credentials", ".tmp");
        try {
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Cannot restrict the permissions of {} on this file system", file);
        }
        try (Writer writer = Files.newBufferedWriter(temporary)) {
            passwords.store(writer, "Generated passwords of the default users (HTTP Basic)");
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String newPassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static List<Role> rolesOf(String name) {
        return List.of(Role.valueOf(name.toUpperCase()));
    }
}
