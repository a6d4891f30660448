package dev.nlpkit.vectorize.io;

import java.io.IOException;

/**
 * A saved vocabulary, vectorizer or label file that cannot be read: truncated, corrupted, of another kind, or
 * written by a newer format version. The message names the source, the 1-based line and, where one applies,
 * the field, e.g. {@code vocab.txt:17: field 'count': expected a non-negative integer, found "x"}.
 */
public final class FileFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** The file (or stream description) that was being read. */
    private final String source;
    /** The 1-based line at which reading failed. */
    private final int line;

    /**
     * An error at a line of a file.
     *
     * @param source the file (or stream description)
     * @param line the 1-based line
     * @param message what was expected and what was found, naming the field where one applies
     */
    public FileFormatException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
        this.source = source;
        this.line = line;
    }

    /**
     * The file (or stream description) that was being read.
     *
     * @return the source, as given to the reader
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line at which reading failed.
     *
     * @return the line number, >= 1
     */
    public int line() {
        return line;
    }
}
