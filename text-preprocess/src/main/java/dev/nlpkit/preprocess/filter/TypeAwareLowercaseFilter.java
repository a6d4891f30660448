package dev.nlpkit.preprocess.filter;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Lower-cases every token except emoticons ({@code :D} and {@code :P} are not {@code :d} and {@code :p}).
 * Code-point aware, locale independent ({@code Character.toLowerCase}), as Lucene's {@code LowerCaseFilter}.
 */
public final class TypeAwareLowercaseFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);

    /**
     * Lower-cases the tokens of {@code input}.
     *
     * @param input the tokens
     */
    public TypeAwareLowercaseFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (type.type().equals("EMOTICON")) {
            return true;
        }
        char[] b = term.buffer();
        int n = term.length();
        for (int i = 0; i < n; ) {
            char c = b[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    b[i] = (char) (c + 32);
                }
                i++;
                continue;
            }
            int cp = Character.codePointAt(b, i, n);
            int lower = Character.toLowerCase(cp);
            int count = Character.charCount(cp);
            if (lower != cp && Character.charCount(lower) == count) {
                Character.toChars(lower, b, i);
            }
            i += count;
        }
        return true;
    }

    @Override
    public String toString() {
        return "Lowercase(except EMOTICON)";
    }
}
