package dev.nlpkit.preprocess.filter;

import java.io.IOException;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Removes "special" tokens: those without a single letter ({@code 123}, {@code ---}, {@code $}, {@code ___}),
 * except emoticons, which carry sentiment. Placeholders such as {@code <number>} contain letters and stay.
 */
public final class NonLetterFilter extends FilteringTokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    /**
     * Removes the letterless tokens of {@code input}.
     *
     * @param input the tokens to filter
     */
    public NonLetterFilter(TokenStream input) {
        super(input);
    }

    @Override
    protected boolean accept() throws IOException {
        if (type.type().equals("EMOTICON")) {
            return true;
        }
        char[] b = term.buffer();
        int n = term.length();
        for (int i = 0; i < n; ) {
            int cp = Character.codePointAt(b, i, n);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    @Override
    public String toString() {
        return "RemoveNonLetterTokens(except EMOTICON)";
    }
}
