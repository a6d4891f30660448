package dev.nlpkit.preprocess.tokenize;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import dev.nlpkit.preprocess.TokenType;

/**
 * Base of our tokenizers: reads the whole document into a reused buffer on {@link #reset()} (documents here
 * are tweets and sentences; a document is held in memory once), then lets the subclass emit tokens.
 * Non-WORD tokens are marked as keywords so that stemmers leave them alone.
 */
abstract sealed class WholeInputTokenizer extends Tokenizer permits TweetTokenizer, TreebankTokenizer {

    protected final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    protected final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    protected final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    protected final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    protected char[] buffer = new char[512];
    protected int length;
    private int finalOffset;

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
        afterRead();
    }

    /** Called after the document is in {@code buffer[0, length)}. */
    protected abstract void afterRead();

    /** Emits a token copied from {@code text[start, end)}, with offsets of the buffer span {@code [from, to)}. */
    protected final void emit(char[] text, int start, int end, int from, int to, TokenType type) {
        clearAttributes();
        termAtt.copyBuffer(text, start, end - start);
        int s = correctOffset(from);
        int e = Math.max(s, correctOffset(to));
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
        if (buffer.length > 1 << 16) {
            buffer = new char[512]; // do not keep one huge document's buffer per thread
        }
    }
}
