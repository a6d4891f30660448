package dev.nlpkit.examples.cli;

import java.nio.file.Path;

/**
 * Keeps the command line's error messages short and safe to print: user text embedded in a message is quoted and
 * cut ({@link #quote(String)}), and every message goes through {@link #guard(String)} before it reaches the
 * terminal: one line, at most {@value #MAX_LINE} characters, with control, format and other non-printable
 * characters written as {@code \\uXXXX} so a crafted file can neither flood nor drive the terminal.
 */
final class Messages {

    /** The longest error line the command line prints, prefix included. */
    static final int MAX_LINE = 500;

    /** The longest piece of user text quoted in a message, in characters, before the ellipsis. */
    static final int MAX_QUOTED = 80;

    private static final String ELLIPSIS = "...";

    private Messages() {
    }

    /** {@code 'text'}: escaped, and cut after {@value #MAX_QUOTED} characters with {@code ...}. */
    static String quote(String text) {
        if (text == null) {
            return "(none)";
        }
        String escaped = escape(text, MAX_QUOTED);
        return "'" + escaped + "'";
    }

    /**
     * A path as {@code 'path'}: escaped, and when longer than {@value #MAX_QUOTED} characters cut at the start
     * (the file name is the informative end).
     */
    static String quote(Path path) {
        if (path == null) {
            return "(none)";
        }
        String text = path.toString();
        if (text.isEmpty()) {
            return "''";
        }
        int length = text.codePointCount(0, text.length());
        if (length <= MAX_QUOTED) {
            return quote(text);
        }
        int start = text.offsetByCodePoints(0, length - MAX_QUOTED);
        return "'" + ELLIPSIS + escape(text.substring(start), MAX_QUOTED) + "'";
    }

    /**
     * The message as one printable line of at most {@code limit} characters: non-printable characters escaped,
     * the rest cut with a note of how much was cut.
     */
    static String guard(String message, int limit) {
        String escaped = escape(message, Integer.MAX_VALUE);
        if (escaped.length() <= limit) {
            return escaped;
        }
        String note = " ... (" + (escaped.length() - limit) + "+ more characters cut)";
        int keep = Math.max(0, limit - note.length());
        if (keep > 0 && Character.isHighSurrogate(escaped.charAt(keep - 1))) {
            keep--;
        }
        int backslash = escaped.lastIndexOf('\\', keep - 1);
        if (backslash >= 0 && keep - backslash < 6) {
            keep = backslash; // never cut a \\uXXXX escape in half
        }
        return escaped.substring(0, keep) + note;
    }

    /** {@link #guard(String, int)} with the limit that leaves room for the {@code "nlpkit: "} prefix. */
    static String guard(String message) {
        return guard(message, MAX_LINE - "nlpkit: ".length());
    }

    /** Whether a code point can be shown as it is (not a control, format, unassigned or surrogate). */
    static boolean printable(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Escapes non-printable code points; stops after {@code maxCodePoints} with {@code ...}. */
    private static String escape(String text, int maxCodePoints) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), 1024) + 8);
        int count = 0;
        for (int i = 0; i < text.length(); ) {
            if (count == maxCodePoints) {
                return b.append(ELLIPSIS).toString();
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (printable(cp)) {
                b.appendCodePoint(cp);
            } else if (Character.isBmpCodePoint(cp)) {
                b.append(String.format("\\u%04X", cp));
            } else {
                b.append(String.format("\\u%04X\\u%04X", (int) Character.highSurrogate(cp),
                        (int) Character.lowSurrogate(cp)));
            }
        }
        return b.toString();
    }
}
