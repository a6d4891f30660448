package dev.nlpkit.core;

/**
 * What a reader does with bytes that are not valid in the file's charset. One policy for every nlpkit reader
 * (text-preprocess's corpus readers, embeddings' word-vector files); gensim calls it {@code unicode_errors}.
 */
public enum InvalidBytes {
    /** Stop with an error naming the file and where the bytes are (line, or word index in a binary file); gensim's 'strict'. */
    FAIL,
    /** Replace each invalid sequence by U+FFFD and go on; gensim's 'replace'. */
    REPLACE,
    /** Drop the invalid bytes and go on; gensim's 'ignore' (useful for words the C tool cut inside a character). */
    IGNORE
}
