package dev.nlpkit.preprocess.tokenize;

import java.io.IOException;

import org.apache.lucene.util.AttributeFactory;

import dev.nlpkit.preprocess.normalize.TextNormalizer;
import java.util.List;

import dev.nlpkit.preprocess.TokenType;

/**
 * Penn-Treebank Lucene {@code Tokenizer}: the splitting of {@link PennTreebankSplitter} (NLTK's
 * {@code word_tokenize} on one sentence). Types: NUMBER for tokens that start with a digit and hold only
 * digits and {@code . , : / -}, PUNCT for tokens without a letter or digit, WORD otherwise (including clitics
 * such as {@code n't} and {@code 's}).
 */
public final class TreebankTokenizer extends WholeInputTokenizer {

    private final PennTreebankSplitter splitter = new PennTreebankSplitter();
    private List<PennTreebankSplitter.Span> spans = List.of();
    private int next;

    /** Without normalization. */
    public TreebankTokenizer() {
        this(null);
    }

    /**
     * Normalizing each document with {@code normalizer} first.
     *
     * @param normalizer the character normalization, or null for none
     */
    public TreebankTokenizer(TextNormalizer normalizer) {
        super(normalizer);
    }

    /**
     * With Lucene's attribute factory {@code factory} (as {@link TreebankTokenizerFactory} passes it), normalizing each
     * document with {@code normalizer} first (null: none).
     *
     * @param factory    the attribute factory
     * @param normalizer the character normalization, or null
     */
    public TreebankTokenizer(AttributeFactory factory, TextNormalizer normalizer) {
        super(factory, normalizer);
    }

    @Override
    protected void afterRead() {
        spans = splitter.spans(new String(buffer, 0, length));
        next = 0;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next >= spans.size()) {
            return false;
        }
        PennTreebankSplitter.Span span = spans.get(next++);
        char[] term = span.term().toCharArray();
        emit(term, 0, term.length, span.start(), span.end(), typeOf(span.term()));
        return true;
    }

    static TokenType typeOf(String term) {
        boolean letterOrDigit = false;
        boolean numeric = Character.isDigit(term.charAt(0));
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                letterOrDigit = true;
            }
            if (!(Character.isDigit(c) || c == '.' || c == ',' || c == ':' || c == '/' || c == '-')) {
                numeric = false;
            }
        }
        if (numeric) {
            return TokenType.NUMBER;
        }
        return letterOrDigit ? TokenType.WORD : TokenType.PUNCT;
    }

    @Override
    public void close() throws IOException {
        super.close();
        spans = List.of();
    }

    @Override
    public String toString() {
        return "TreebankTokenizer(NLTK word_tokenize, one sentence)";
    }
}
