package fr.gouv.conventions.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A command the convention refuses: a stable code, a message in plain words, and the facts that explain it
 * (the deadline, the remaining ceiling, ...). No event is applied when it is thrown.
 */
public class ConventionRefused extends RuntimeException {

    private final RefusalCode code;
    private final String conventionId;
    private final Map<String, Object> facts;

    public ConventionRefused(RefusalCode code, String conventionId, String message, Map<String, ?> facts) {
        super(message);
        this.code = code;
        this.conventionId = conventionId;
        this.facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public ConventionRefused(RefusalCode code, String conventionId, String message) {
        this(code, conventionId, message, Map.of());
    }

    public RefusalCode code() {
        return code;
    }

    public String conventionId() {
        return conventionId;
    }

    /** The facts behind the refusal, by name, with their values as strings, dates or numbers. */
    public Map<String, Object> facts() {
        return facts;
    }
}
