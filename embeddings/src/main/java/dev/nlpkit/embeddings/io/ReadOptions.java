package dev.nlpkit.embeddings.io;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to read a word2vec file.
 *
 * @param charset    encoding of the words (UTF-8 by default)
 * @param malformed  policy for invalid byte sequences
 * @param limit      read only the first {@code limit} vectors (gensim's {@code limit}); 0 = all
 */
public record ReadOptions(Charset charset, MalformedInputPolicy malformed, int limit) {

    public ReadOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(malformed, "malformed");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
    }

    /** UTF-8, REPORT, no limit. */
    public static ReadOptions defaults() {
        return new ReadOptions(StandardCharsets.UTF_8, MalformedInputPolicy.REPORT, 0);
    }

    public ReadOptions withCharset(Charset v) {
        return new ReadOptions(v, malformed, limit);
    }

    public ReadOptions withMalformed(MalformedInputPolicy v) {
        return new ReadOptions(charset, v, limit);
    }

    public ReadOptions withLimit(int v) {
        return new ReadOptions(charset, malformed, v);
    }
}
