package dev.nlpkit.embeddings.io;

/** What to do with bytes that are not valid in the file's charset (gensim's {@code unicode_errors}). */
public enum MalformedInputPolicy {
    /** Fail with an error naming the line (text) or word index (binary); gensim's 'strict'. */
    REPORT,
    /** Replace them with U+FFFD; gensim's 'replace'. */
    REPLACE,
    /** Drop them; gensim's 'ignore' (useful for words the C tool cut in the middle of a character). */
    IGNORE
}
