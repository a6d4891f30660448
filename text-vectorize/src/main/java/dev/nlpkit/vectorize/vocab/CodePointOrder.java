package dev.nlpkit.vectorize.vocab;

import java.util.Comparator;

/**
 * Compares strings by Unicode code points (Python's string order), not by UTF-16 units as
 * {@link String#compareTo} does; the two differ only when a supplementary character meets a character in
 * U+E000..U+FFFF. Using it makes our alphabetical order identical to scikit-learn's.
 */
public final class CodePointOrder implements Comparator<String> {

    /** The only instance (the order has no state). */
    public static final CodePointOrder INSTANCE = new CodePointOrder();

    private CodePointOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fix(x) - fix(y);
            }
        }
        return a.length() - b.length();
    }

    /** Moves surrogates above U+E000..U+FFFF, which turns UTF-16 order into code-point order. */
    private static int fix(char c) {
        if (c >= 0xD800) {
            return c >= 0xE000 ? c - 0x800 : c + 0x2000;
        }
        return c;
    }
}
