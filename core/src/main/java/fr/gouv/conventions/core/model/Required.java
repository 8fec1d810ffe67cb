package fr.gouv.conventions.core.model;

import java.util.Map;

/** Refuses a command that leaves out a piece the rules need, naming the field. */
final class Required {

    private Required() {
    }

    static void present(String conventionId, String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw missing(conventionId, field, field + " is required");
        }
    }

    static ConventionRefused missing(String conventionId, String field, String reason) {
        return new ConventionRefused(RefusalCode.MISSING_INFORMATION, conventionId,
                "Missing information: " + reason, Map.of("field", field));
    }
}
