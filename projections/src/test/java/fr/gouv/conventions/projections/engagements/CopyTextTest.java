package fr.gouv.conventions.projections.engagements;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY text a rebuild sends: what PostgreSQL reads back must be exactly what was folded. */
class CopyTextTest {

    @Test
    void columnsAreSeparatedByTabsAndRowsEndWithANewline() {
        assertThat(CopyText.of(List.of(new Object[]{"nord", 4L, 2024}, new Object[]{"pas-de-calais", 5L, 2025})))
                .isEqualTo("nord\t4\t2024\npas-de-calais\t5\t2025\n");
    }

    @Test
    void nullIsWrittenAsBackslashN() {
        assertThat(CopyText.of(List.<Object[]>of(new Object[]{"nord", null}))).isEqualTo("nord\t\\N\n");
    }

    @Test
    void amountsKeepEveryDigitWithoutExponentAndDatesAreIso() {
        assertThat(CopyText.of(List.<Object[]>of(new Object[]{new BigDecimal("1E+7"), new BigDecimal("49999.99"),
                LocalDate.of(2024, 3, 1)}))).isEqualTo("10000000\t49999.99\t2024-03-01\n");
    }

    @Test
    void backslashesTabsAndLineBreaksInTextAreEscaped() {
        assertThat(CopyText.of(List.<Object[]>of(new Object[]{"a\\b\tc\nd\re", "\\N"})))
                .isEqualTo("a\\\\b\\tc\\nd\\re\t\\\\N\n");
    }

    @Test
    void textArraysQuoteEachElementAndEscapeQuotesAndBackslashes() {
        assertThat(CopyText.textArray(List.of("62", "2A"))).isEqualTo("{\"62\",\"2A\"}");
        assertThat(CopyText.textArray(List.of())).isEqualTo("{}");
        assertThat(CopyText.textArray(List.of("a\"b\\c", "NULL"))).isEqualTo("{\"a\\\"b\\\\c\",\"NULL\"}");
    }

    @Test
    void rowsAreSentInChunksOfAtMostTheGivenSizeThatTogetherAreTheWholeText() throws Exception {
        List<Object[]> rows = IntStream.range(0, 7).mapToObj(i -> new Object[]{"convention-" + i, i}).toList();
        List<String> chunks = new ArrayList<>();

        CopyText.inChunks(rows.iterator(), 3, chunks::add);

        assertThat(chunks).containsExactly(CopyText.of(rows.subList(0, 3)), CopyText.of(rows.subList(3, 6)),
                CopyText.of(rows.subList(6, 7)));
        assertThat(String.join("", chunks)).isEqualTo(CopyText.of(rows));
    }

    @Test
    void noRowsSendNothing() throws Exception {
        List<String> chunks = new ArrayList<>();

        CopyText.inChunks(List.<Object[]>of().iterator(), 3, chunks::add);

        assertThat(chunks).isEmpty();
    }
}
