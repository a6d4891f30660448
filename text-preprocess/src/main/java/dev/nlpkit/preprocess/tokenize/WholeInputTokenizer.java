package dev.nlpkit.preprocess.tokenize;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeFactory;

import dev.nlpkit.preprocess.TokenType;
import dev.nlpkit.preprocess.normalize.TextNormalizer;

/**
 * Base of our tokenizers: reads the whole document into a reused buffer on {@link #reset()} (documents here
 * are tweets and sentences; a document is held in memory once), then lets the subclass emit tokens.
 * Non-WORD tokens are marked as keywords so that stemmers leave them alone.
 *
 * <p>Given a {@link TextNormalizer}, the tokenizer normalizes its buffer itself (the same algorithm as
 * {@link dev.nlpkit.preprocess.normalize.NormalizingCharFilter}, fused here to save a copy and a reader per
 * document) and maps offsets back to the original text.
 */
abstract sealed class WholeInputTokenizer extends Tokenizer permits TweetTokenizer, TreebankTokenizer {

    /** The current token's text. */
    protected final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    /** The current token's offsets in the original text. */
    protected final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    /** The current token's {@link TokenType} name. */
    protected final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    /** Whether the current token is protected from stemming (every non-WORD token). */
    protected final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    /** The document being tokenized (normalized when a normalizer was given); grows as needed. */
    protected char[] buffer = new char[512];
    /** The number of chars of the document in {@link #buffer}. */
    protected int length;
    private int finalOffset;
    private final TextNormalizer normalizer;
    /** origin[i] = index in the text as read of normalized char i; null when nothing was normalized. */
    private int[] origin;

    protected WholeInputTokenizer(TextNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    protected WholeInputTokenizer(AttributeFactory factory, TextNormalizer normalizer) {
        super(factory);
        this.normalizer = normalizer;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        length = 0;
        int r;
        while ((r = input.read(buffer, length, buffer.length - length)) != -1) {
            length += r;
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
        }
        finalOffset = correctOffset(length);
        origin = null;
        if (normalizer != null) {
            TextNormalizer.Result normalized = normalizer.normalize(buffer, length);
            if (normalized != null) {
                buffer = normalized.text();
                length = normalized.length();
                origin = normalized.origin();
            }
        }
        afterRead();
    }

    /** Called after the document is in {@code buffer[0, length)}. */
    protected abstract void afterRead();

    /**
     * Emits a token copied from {@code text[start, end)}, with offsets of the buffer span {@code [from, to)}.
     *
     * @param text the chars to copy the term from (the buffer, or a rewritten form of the span)
     * @param start the term's first char in {@code text}
     * @param end after the term's last char in {@code text}
     * @param from the span's first char in the buffer, for the start offset
     * @param to after the span's last char in the buffer, for the end offset
     * @param type the token's type
     */
    protected final void emit(char[] text, int start, int end, int from, int to, TokenType type) {
        clearAttributes();
        termAtt.copyBuffer(text, start, end - start);
        int s = correctOffset(origin == null ? from : origin[from]);
        int e = Math.max(s, correctOffset(origin == null ? to : origin[to]));
        offsetAtt.setOffset(s, e);
        typeAtt.setType(type.name());
        keywordAtt.setKeyword(type != TokenType.WORD);
    }

    @Override
    public void end() throws IOException {
        super.end();
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        origin = null;
        if (buffer.length > 1 << 16) {
            buffer = new char[512]; // do not keep one huge document's buffer per thread
        }
    }
}
