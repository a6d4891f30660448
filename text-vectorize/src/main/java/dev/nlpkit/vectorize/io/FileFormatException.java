package dev.nlpkit.vectorize.io;

import java.io.IOException;

/**
 * A saved vocabulary, vectorizer or label file that cannot be read: truncated, corrupted, of another kind, or
 * written by a newer format version. The message names the source, the 1-based line and, where one applies,
 * the field, e.g. {@code vocab.txt:17: field 'count': expected a non-negative integer, found "x"}.
 */
public final class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    public FileFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    /** The file (or stream description) that was being read. */
    public String source() {
        return source;
    }

    /** The 1-based line at which reading failed. */
    public int line() {
        return line;
    }
}
