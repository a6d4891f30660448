package dev.nlpkit.preprocess.tokenize;

import java.io.IOException;

import org.apache.lucene.util.AttributeFactory;

import dev.nlpkit.preprocess.normalize.TextNormalizer;

/**
 * The tweet-aware Lucene {@code Tokenizer}: the rules of {@link TweetScanner}, with the token type
 * ({@code WORD, URL, EMAIL, MENTION, HASHTAG, EMOTICON, NUMBER, PUNCT}) in the {@code TypeAttribute}.
 */
public final class TweetTokenizer extends WholeInputTokenizer {

    private final TweetScanner scanner = new TweetScanner();

    /** Without normalization. */
    public TweetTokenizer() {
        this(null);
    }

    /**
     * Normalizing each document with {@code normalizer} first.
     *
     * @param normalizer the character normalization, or null for none
     */
    public TweetTokenizer(TextNormalizer normalizer) {
        super(normalizer);
    }

    /**
     * With Lucene's attribute factory {@code factory} (as {@link TweetTokenizerFactory} passes it), normalizing each
     * document with {@code normalizer} first (null: none).
     *
     * @param factory    the attribute factory
     * @param normalizer the character normalization, or null
     */
    public TweetTokenizer(AttributeFactory factory, TextNormalizer normalizer) {
        super(factory, normalizer);
    }

    @Override
    protected void afterRead() {
        scanner.reset(buffer, length);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!scanner.next()) {
            return false;
        }
        emit(buffer, scanner.start(), scanner.end(), scanner.start(), scanner.end(), scanner.type());
        return true;
    }

    @Override
    public String toString() {
        return "TweetTokenizer";
    }
}
