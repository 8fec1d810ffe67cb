package fr.gouv.conventions.api.security;

import java.util.function.Predicate;

/**
 * The checks Spring Security's {@code StrictHttpFirewall} makes of every header and parameter name and of every
 * header value (assigned Unicode characters, no control character but a tab in a header value), without its
 * regular expressions: matched again at each {@code getHeader}, they took 4 % of a request thread's CPU (see
 * BENCHMARKS.md#printable-text). {@code PrintableTextTest} checks that both accept exactly the same text.
 */
final class PrintableText {

    /** A header or parameter name: {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    static final Predicate<String> NAME = text -> accepts(text, false);

    /** A header value: {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    static final Predicate<String> HEADER_VALUE = text -> accepts(text, true);

    private PrintableText() {
    }

    private static boolean accepts(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!Character.isDefined(codePoint)
                    || Character.getType(codePoint) == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
