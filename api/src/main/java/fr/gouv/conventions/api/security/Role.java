package fr.gouv.conventions.api.security;

/** What a person may do: administrators command, auditors read everything and verify, reporters read reports. */
public enum Role {
    ADMIN,
    AUDITOR,
    REPORTER
}
