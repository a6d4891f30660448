package dev.nlpkit.preprocess.filter;

import java.io.IOException;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Keeps tokens whose length in code points is in {@code [min, max]} (an emoji is one, not two). */
public final class CodePointLengthFilter extends FilteringTokenFilter {

    private final int min;
    private final int max;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    /**
     * Keeps tokens of {@code min} to {@code max} code points.
     *
     * @param input the tokens to filter
     * @param min the shortest length kept, >= 1
     * @param max the longest length kept, >= {@code min}
     * @throws IllegalArgumentException when {@code min < 1} or {@code max < min}
     */
    public CodePointLengthFilter(TokenStream input, int min, int max) {
        super(input);
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min=" + min + ", max=" + max);
        }
        this.min = min;
        this.max = max;
    }

    @Override
    protected boolean accept() throws IOException {
        int n = term.length();
        if (n < min) {
            return false;
        }
        int cps = Character.codePointCount(term.buffer(), 0, n);
        return cps >= min && cps <= max;
    }

    @Override
    public String toString() {
        return "Length(" + min + ".." + max + ")";
    }
}
