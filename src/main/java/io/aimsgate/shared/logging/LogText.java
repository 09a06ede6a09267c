package io.aimsgate.shared.logging;

/**
 * Encodes text for a log line: a value a user sent may contain CR, LF, NUL or other control characters, and written
 * raw it would start a forged log line or corrupt the file. Each such character becomes a visible escape (\r, \n,
 * \0, \t stays a tab, anything else \\uXXXX), so one logged event stays one line and the value can still be read.
 */
public final class LogText {

    private LogText() {
    }

    public static String encode(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int first = 0;
        while (first < length && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == length) {
            return text;
        }
        StringBuilder encoded = new StringBuilder(length + 16).append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                encoded.append(c);
            } else if (c == '\r') {
                encoded.append("\\r");
            } else if (c == '\n') {
                encoded.append("\\n");
            } else if (c == 0) {
                encoded.append("\\0");
            } else {
                encoded.append(String.format("\\u%04x", (int) c));
            }
        }
        return encoded.toString();
    }

    /** C0 controls except tab, DEL, C1 controls (NEL among them) and the Unicode line and paragraph separators. */
    private static boolean needsEscape(char c) {
        return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
