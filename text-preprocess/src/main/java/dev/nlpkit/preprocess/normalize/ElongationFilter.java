package dev.nlpkit.preprocess.normalize;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Cuts runs of one repeated character longer than {@code maxRun} down to {@code maxRun}
 * ({@code sooooo -> sooo} with 3, as NLTK's {@code reduce_len}). URL, EMAIL, MENTION and NUMBER tokens are
 * left alone (a run in a URL or a number is meaningful). Offsets are unchanged.
 */
public final class ElongationFilter extends TokenFilter {

    private final int maxRun;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    /**
     * Cuts repeated-character runs to {@code maxRun}.
     *
     * @param input the tokens to filter
     * @param maxRun the longest run kept, >= 2
     * @throws IllegalArgumentException when {@code maxRun < 2}
     */
    public ElongationFilter(TokenStream input, int maxRun) {
        super(input);
        if (maxRun < 2) {
            throw new IllegalArgumentException("maxRun must be >= 2, got " + maxRun);
        }
        this.maxRun = maxRun;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        String t = type.type();
        if (t.equals("URL") || t.equals("EMAIL") || t.equals("MENTION") || t.equals("NUMBER")) {
            return true;
        }
        char[] buf = term.buffer();
        int n = term.length();
        if (n <= maxRun) {
            return true;
        }
        int w = 0;
        int run = 0;
        for (int r = 0; r < n; r++) {
            char c = buf[r];
            run = (w > 0 && buf[w - 1] == c) ? run + 1 : 1;
            if (run <= maxRun) {
                buf[w++] = c;
            }
        }
        term.setLength(w);
        return true;
    }

    @Override
    public String toString() {
        return "Elongation(maxRun=" + maxRun + ")";
    }
}
