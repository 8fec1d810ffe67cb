package fr.gouv.conventions.api.axon.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.nio.CharBuffer;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the dates of stored events and snapshots, which Axon's mapper writes as {@code 2026-11-26}, without
 * {@code DateTimeFormatter}: Jackson's {@code LocalDateDeserializer} parses each one with it (a map and a few
 * objects per date), a sixth of a rebuild's deserializing thread (BENCHMARKS.md#iso-local-date-deserializer). Any
 * other text or token, an impossible date included, goes to Jackson's deserializer, which gives its own answer.
 */
final class IsoLocalDateDeserializer extends StdScalarDeserializer<LocalDate> {

    private static final LocalDateDeserializer JACKSONS = LocalDateDeserializer.INSTANCE;

    IsoLocalDateDeserializer() {
        super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            char[] text = parser.getTextCharacters();
            LocalDate date = text == null ? null
                    : read(CharBuffer.wrap(text, parser.getTextOffset(), parser.getTextLength()));
            if (date != null) {
                return date;
            }
        }
        return JACKSONS.deserialize(parser, context);
    }

    /** The date written as {@code yyyy-MM-dd}, or null if that is not what the text is. */
    static LocalDate read(CharSequence text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = AsciiDigits.read(text, 0, 4);
        int month = AsciiDigits.read(text, 5, 2);
        int day = AsciiDigits.read(text, 8, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1
                || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }
}
