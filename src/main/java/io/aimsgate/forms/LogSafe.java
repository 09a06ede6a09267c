package io.aimsgate.forms;

/** Renders client-supplied text for messages and logs: control characters (CR, LF, NUL, ...) become '?'. */
final class LogSafe {

    private LogSafe() {
    }

    static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? '?' : c));
        return out.toString();
    }

    /** A field name fit to show: control characters replaced, at most 80 characters. */
    static String name(String value) {
        String safe = text(value);
        return safe.length() > 80 ? safe.substring(0, 80) + "..." : safe;
    }
}
