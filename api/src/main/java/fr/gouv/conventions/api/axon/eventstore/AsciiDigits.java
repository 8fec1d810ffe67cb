package fr.gouv.conventions.api.axon.eventstore;

/** Numbers written with a fixed count of ASCII digits, as stored timestamps and dates hold them. */
final class AsciiDigits {

    private AsciiDigits() {
    }

    /** The number written with {@code count} ASCII digits from {@code start}, or -1 if one is not a digit. */
    static int read(CharSequence text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
