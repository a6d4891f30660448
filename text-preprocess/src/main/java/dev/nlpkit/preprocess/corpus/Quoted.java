package dev.nlpkit.preprocess.corpus;

/** User text for messages: in single quotes, control characters escaped, long text shortened. */
final class Quoted {

    /** Characters of user text shown in a message. */
    static final int MAX = 60;

    private Quoted() {
    }

    /** A header or list of names: up to eight, quoted, and how many more. */
    static String list(java.util.List<String> names) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < Math.min(8, names.size()); i++) {
            out.append(i > 0 ? ", " : "").append(of(names.get(i)));
        }
        if (names.size() > 8) {
            out.append(" and ").append(names.size() - 8).append(" more");
        }
        return out.append(']').toString();
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX) + 8).append('\'');
        int n = Math.min(text.length(), MAX);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > MAX) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
