package fr.gouv.conventions.api.commands;

import fr.gouv.conventions.api.problems.InvalidParameter;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A convention's stream version as an HTTP entity tag, {@code "N"}, and back from {@code If-Match}. */
final class EntityTags {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"(0|[1-9][0-9]{0,17})\"");

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header expects, or null for none or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.trim().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(ifMatch.trim());
        if (!matcher.matches()) {
            throw new InvalidParameter("If-Match", "must be the ETag of a previous answer, such as \"3\", or *");
        }
        return Long.parseLong(matcher.group(1));
    }
}
