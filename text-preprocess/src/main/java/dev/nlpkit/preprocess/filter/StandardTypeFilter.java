package dev.nlpkit.preprocess.filter;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import dev.nlpkit.preprocess.TokenType;

/**
 * Maps the token types of Lucene's {@code StandardTokenizer} to ours: {@code <NUM>} is NUMBER,
 * {@code <EMOJI>} is EMOTICON, every other type ({@code <ALPHANUM>}, {@code <IDEOGRAPHIC>}, ...) is WORD.
 * Non-WORD tokens become keywords (stemmers skip them).
 */
public final class StandardTypeFilter extends TokenFilter {

    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    /**
     * Maps the types of {@code input}'s tokens.
     *
     * @param input tokens from Lucene's {@code StandardTokenizer}
     */
    public StandardTypeFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        TokenType t = switch (type.type()) {
            case "<NUM>" -> TokenType.NUMBER;
            case "<EMOJI>" -> TokenType.EMOTICON;
            default -> TokenType.WORD;
        };
        type.setType(t.name());
        keyword.setKeyword(t != TokenType.WORD);
        return true;
    }
}
