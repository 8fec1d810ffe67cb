package fr.gouv.conventions.api.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's checks without regular expressions accept exactly what Spring Security's patterns accept. */
class PrintableTextTest {

    // The patterns of StrictHttpFirewall (spring-security-web 6.5).
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointIsJudgedAsTheFirewallsPatternsJudgeIt() {
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            String text = new String(Character.toChars(codePoint));
            assertSame(PrintableText.NAME, NAME, text);
            assertSame(PrintableText.HEADER_VALUE, HEADER_VALUE, text);
        }
    }

    @Test
    void textsAreJudgedWhole() {
        List<String> texts = List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "application/json",
                "a\tb", "\t", "a\u0007b", "ok\u0085", "Préfet de région", "\uD83D\uDE00 emoji", "lone \uD800 high",
                "lone \uDC00 low", "unassigned \u0378", "end\u007f", "\u00a0nbsp", "x\u2028y");
        for (String text : texts) {
            assertSame(PrintableText.NAME, NAME, text);
            assertSame(PrintableText.HEADER_VALUE, HEADER_VALUE, text);
        }
        assertThat(PrintableText.HEADER_VALUE.test("a\tb")).isTrue();
        assertThat(PrintableText.NAME.test("a\tb")).isFalse();
        assertThat(PrintableText.HEADER_VALUE.test("a\u0007b")).isFalse();
        assertThat(PrintableText.NAME.test("unassigned \u0378")).isFalse();
    }

    private static void assertSame(Predicate<String> predicate, Pattern pattern, String text) {
        assertThat(predicate.test(text)).as("%s on U+%s", pattern, text.codePoints()
                .mapToObj(Integer::toHexString).toList()).isEqualTo(pattern.matcher(text).matches());
    }
}
