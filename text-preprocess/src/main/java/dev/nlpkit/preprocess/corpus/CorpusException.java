package dev.nlpkit.preprocess.corpus;

/**
 * A corpus file could not be read as asked: an invalid byte sequence, a bad row under
 * {@link BadRowPolicy#FAIL}, broken CSV quoting, a zip without the wanted entry. The message names the
 * file (for zip entries {@code archive.zip!entry}), the line and the reason.
 */
public final class CorpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final String reason;

    /**
     * @param source the file name ({@code archive.zip!entry} inside a zip)
     * @param line   the 1-based line, or 0 when the problem is not on a line
     * @param reason what was expected and what was found
     */
    public CorpusException(String source, long line, String reason) {
        this(source, line, reason, null);
    }

    /** As {@link #CorpusException(String, long, String)}, with the underlying cause. */
    public CorpusException(String source, long line, String reason, Throwable cause) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The file ({@code archive.zip!entry} inside a zip). */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when the problem is not on a line. */
    public long line() {
        return line;
    }

    /** What went wrong, without file and line. */
    public String reason() {
        return reason;
    }
}
