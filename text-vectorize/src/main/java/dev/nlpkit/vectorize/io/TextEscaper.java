package dev.nlpkit.vectorize.io;

/**
 * Escapes a term so that it fits in one tab-separated field of one line: backslash, tab, newline and carriage
 * return become {@code \\}, {@code \t}, {@code \n}, {@code \r}. Every other character is written as is (UTF-8).
 */
public final class TextEscaper {

    private TextEscaper() {
    }

    /**
     * Escapes {@code text} for one field.
     *
     * @param text any text; not null
     * @return the text with no tab or line break left (the same instance when there was nothing to escape)
     */
    public static String escape(String text) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Reverses {@link #escape}; a dangling or unknown escape is reported through {@code reader}.
     *
     * @param text an escaped field
     * @param field the field's name, for the error message
     * @param reader the reader whose source and line the error names
     * @return the original text
     * @throws FileFormatException naming the field for a dangling or unknown escape
     */
    public static String unescape(String text, String field, LineReader reader) throws FileFormatException {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (i + 1 == text.length()) {
                throw reader.error("field '" + field + "': dangling backslash at the end");
            }
            char e = text.charAt(++i);
            switch (e) {
                case '\\' -> out.append('\\');
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                default -> throw reader.error("field '" + field + "': unknown escape '\\" + e + "'");
            }
        }
        return out.toString();
    }
}
