package dev.nlpkit.preprocess.corpus;

/**
 * A corpus file could not be read as asked: an invalid byte sequence, a bad row under
 * {@link BadRowPolicy#FAIL}, broken CSV quoting, a truncated gzip, a zip without the wanted entry. The
 * message names the file (for zip entries {@code archive.zip!entry}), the line and the reason; user text in
 * it is quoted and shortened. {@link #remedy()} says which read option would address it, so a front end can
 * name its own flag for it.
 */
public final class CorpusException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Which {@link ReadOptions} setting addresses the problem. */
    public enum Remedy {
        /** None: the file itself must change. */
        NONE,
        /** Choose the charset ({@link ReadOptions#withCharset}). */
        CHARSET,
        /** Choose the zip entry ({@link ReadOptions#withZipEntry}). */
        ZIP_ENTRY
    }

    /** The file name ({@code archive.zip!entry} inside a zip). */
    private final String source;
    /** The 1-based line, or 0 when the problem is not on a line. */
    private final long line;
    /** What went wrong, without file and line. */
    private final String reason;
    /** The read option that addresses the problem. */
    private final Remedy remedy;

    /**
     * A problem in a corpus file, without an underlying cause.
     *
     * @param source the file name ({@code archive.zip!entry} inside a zip)
     * @param line   the 1-based line, or 0 when the problem is not on a line
     * @param reason what was expected and what was found
     */
    public CorpusException(String source, long line, String reason) {
        this(source, line, reason, null);
    }

    /**
     * As {@link #CorpusException(String, long, String)}, with the underlying cause.
     *
     * @param source the file name ({@code archive.zip!entry} inside a zip)
     * @param line the 1-based line, or 0 when the problem is not on a line
     * @param reason what was expected and what was found
     * @param cause the failure that revealed the problem, or null
     */
    public CorpusException(String source, long line, String reason, Throwable cause) {
        this(source, line, reason, cause, Remedy.NONE);
    }

    /**
     * As {@link #CorpusException(String, long, String, Throwable)}, with the read option that addresses it.
     *
     * @param source the file name ({@code archive.zip!entry} inside a zip)
     * @param line the 1-based line, or 0 when the problem is not on a line
     * @param reason what was expected and what was found
     * @param cause the failure that revealed the problem, or null
     * @param remedy the read option that addresses it; null means {@link Remedy#NONE}
     */
    public CorpusException(String source, long line, String reason, Throwable cause, Remedy remedy) {
        super(source + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.reason = reason;
        this.remedy = remedy == null ? Remedy.NONE : remedy;
    }

    /**
     * The file ({@code archive.zip!entry} inside a zip).
     *
     * @return the file name
     */
    public String source() {
        return source;
    }

    /**
     * The 1-based line, or 0 when the problem is not on a line.
     *
     * @return the line, >= 0
     */
    public long line() {
        return line;
    }

    /**
     * What went wrong, without file and line.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }

    /**
     * The read option that addresses the problem, or {@link Remedy#NONE}.
     *
     * @return the remedy, never null
     */
    public Remedy remedy() {
        return remedy;
    }
}
