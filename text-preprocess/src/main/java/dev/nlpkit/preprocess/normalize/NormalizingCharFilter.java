package dev.nlpkit.preprocess.normalize;

import java.io.IOException;
import java.io.Reader;

import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Lucene adapter of {@link TextNormalizer}: reads the whole input on the first {@code read}, normalizes it
 * and serves the result, correcting offsets back to the original text. Each document is held in memory once.
 */
public final class NormalizingCharFilter extends BaseCharFilter {

    private final TextNormalizer normalizer;
    private char[] text;
    private int length;
    private int position;
    private boolean loaded;

    /**
     * Normalizes the text read from {@code input}.
     *
     * @param input the original text
     * @param normalizer the character-level steps to apply
     */
    public NormalizingCharFilter(Reader input, TextNormalizer normalizer) {
        super(input);
        this.normalizer = normalizer;
    }

    @Override
    public int read(char[] buffer, int offset, int count) throws IOException {
        if (!loaded) {
            load();
        }
        if (position >= length) {
            return -1;
        }
        int n = Math.min(count, length - position);
        System.arraycopy(text, position, buffer, offset, n);
        position += n;
        return n;
    }

    private void load() throws IOException {
        loaded = true;
        char[] buf = new char[256];
        int n = 0;
        int r;
        while ((r = input.read(buf, n, buf.length - n)) != -1) {
            n += r;
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, buf.length * 2);
            }
        }
        TextNormalizer.Result result = normalizer.normalize(buf, n);
        if (result == null) {
            text = buf;
            length = n;
            return;
        }
        text = result.text();
        length = result.length();
        int[] origin = result.origin();
        int diff = 0;
        for (int i = 0; i <= length; i++) {
            int d = origin[i] - i;
            if (d != diff) {
                addOffCorrectMap(i, d);
                diff = d;
            }
        }
    }
}
