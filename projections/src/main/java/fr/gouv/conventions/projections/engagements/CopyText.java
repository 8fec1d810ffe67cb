package fr.gouv.conventions.projections.engagements;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Rows in the text format of PostgreSQL's COPY: columns separated by tabs, {@code \N} for null, and backslash,
 * tab, newline and carriage return escaped with a backslash.
 */
final class CopyText {

    private CopyText() {
    }

    static String of(List<Object[]> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 96);
        for (Object[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                if (column > 0) {
                    text.append('\t');
                }
                append(text, row[column]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Hands the text of the rows to {@code sink}, {@code rowsPerChunk} rows at a time, as they are made. */
    static void inChunks(Iterator<Object[]> rows, int rowsPerChunk, Sink sink) throws SQLException {
        List<Object[]> chunk = new ArrayList<>(rowsPerChunk);
        while (rows.hasNext()) {
            chunk.add(rows.next());
            if (chunk.size() == rowsPerChunk || !rows.hasNext()) {
                sink.accept(of(chunk));
                chunk.clear();
            }
        }
    }

    /** Where {@link #inChunks} sends each chunk's text: a COPY being sent. */
    @FunctionalInterface
    interface Sink {
        void accept(String text) throws SQLException;
    }

    /**
     * A text array in PostgreSQL's literal form, {@code {"62","59"}}: each element quoted, with its backslashes and
     * double quotes escaped (the row's own COPY escaping comes on top).
     */
    static String textArray(List<String> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String element = elements.get(i);
            for (int c = 0; c < element.length(); c++) {
                char character = element.charAt(c);
                if (character == '"' || character == '\\') {
                    literal.append('\\');
                }
                literal.append(character);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plain = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
