package dev.nlpkit.embeddings.io;

import dev.nlpkit.core.InvalidBytes;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to read a word2vec file.
 *
 * @param charset      encoding of the words (UTF-8 by default)
 * @param invalidBytes policy for invalid byte sequences
 * @param limit        read only the first {@code limit} vectors (gensim's {@code limit}); 0 = all
 * @param header       whether a text file starts with the {@code "<count> <dimension>"} line ({@link TextHeader#NONE}
 *                     for GloVe files, gensim's {@code no_header=True}); binary files always do
 */
public record VectorFileOptions(Charset charset, InvalidBytes invalidBytes, int limit, TextHeader header) {

    /**
     * Validates the options.
     *
     * @throws NullPointerException     when an argument is null
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public VectorFileOptions {
        Objects.requireNonNull(charset, "charset");
        Objects.requireNonNull(invalidBytes, "invalidBytes");
        Objects.requireNonNull(header, "header");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0 (0 = all), got " + limit);
        }
    }

    /**
     * The defaults: UTF-8, {@link InvalidBytes#FAIL}, no limit, header required ({@link TextHeader#COUNTS}).
     *
     * @return the default options
     */
    public static VectorFileOptions defaults() {
        return new VectorFileOptions(StandardCharsets.UTF_8, InvalidBytes.FAIL, 0, TextHeader.COUNTS);
    }

    /**
     * A copy with another charset.
     *
     * @param v the charset of the words
     * @return a copy with this charset
     */
    public VectorFileOptions withCharset(Charset v) {
        return new VectorFileOptions(v, invalidBytes, limit, header);
    }

    /**
     * A copy with another invalid-bytes policy.
     *
     * @param v the policy for invalid byte sequences
     * @return a copy with this policy
     */
    public VectorFileOptions withInvalidBytes(InvalidBytes v) {
        return new VectorFileOptions(charset, v, limit, header);
    }

    /**
     * A copy with another limit.
     *
     * @param v read only the first {@code v} vectors; 0 = all
     * @return a copy with this limit
     */
    public VectorFileOptions withLimit(int v) {
        return new VectorFileOptions(charset, invalidBytes, v, header);
    }

    /**
     * A copy with another header policy.
     *
     * @param v whether text files start with the header line ({@link TextHeader#NONE} for GloVe)
     * @return a copy with this header policy
     */
    public VectorFileOptions withHeader(TextHeader v) {
        return new VectorFileOptions(charset, invalidBytes, limit, v);
    }
}
