package dev.nlpkit.preprocess.corpus;

import dev.nlpkit.core.InvalidBytes;
import java.nio.charset.Charset;
import java.util.Objects;

/**
 * How to read a corpus file. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param charset          the text encoding, or null (the default) to detect it: valid UTF-8 is read as
 *                         UTF-8, anything else as ISO-8859-1 with a warning in the {@link ReadReport}
 *                         (see {@link #withDetectedCharset()})
 * @param invalidBytes     what to do with bytes invalid in {@code charset} (default {@link InvalidBytes#FAIL})
 * @param badRows          what to do with rows that are not records (default {@link BadRowPolicy#FAIL})
 * @param compression      how the file is compressed (default {@link Compression#AUTO})
 * @param zipEntry         the zip entry to read, by full name or by file name; null (default) reads the
 *                         archive's only file entry
 * @param reportedProblems how many skipped rows the {@link ReadReport} describes one by one (default 10)
 */
public record ReadOptions(Charset charset, InvalidBytes invalidBytes, BadRowPolicy badRows,
                          Compression compression, String zipEntry, int reportedProblems) {

    /** Validates: all but {@code charset} and {@code zipEntry} non-null; {@code zipEntry} not blank; {@code reportedProblems >= 0}. */
    public ReadOptions {
        Objects.requireNonNull(invalidBytes, "invalidBytes");
        Objects.requireNonNull(badRows, "badRows");
        Objects.requireNonNull(compression, "compression");
        if (zipEntry != null && zipEntry.isBlank()) {
            throw new IllegalArgumentException("zipEntry must be null (the only entry) or a name, got a blank string");
        }
        if (reportedProblems < 0) {
            throw new IllegalArgumentException("reportedProblems must be >= 0, got " + reportedProblems);
        }
    }

    /**
     * Charset detected (UTF-8, else ISO-8859-1), fail on invalid bytes and on bad rows, compression detected,
     * the only zip entry, 10 problems.
     *
     * @return the default options
     */
    public static ReadOptions defaults() {
        return new ReadOptions(null, InvalidBytes.FAIL, BadRowPolicy.FAIL, Compression.AUTO,
                null, 10);
    }

    /**
     * A copy detecting the charset: the first megabyte decides (valid UTF-8: UTF-8; otherwise ISO-8859-1 and a
     * warning in {@link ReadReport#warnings()}); when it is pure ASCII, the first invalid UTF-8 sequence before
     * any non-ASCII character switches to ISO-8859-1 from there, with a warning. UTF-16 and binary input are
     * reported as such.
     *
     * @return a copy whose charset is null (detected)
     */
    public ReadOptions withDetectedCharset() {
        return new ReadOptions(null, invalidBytes, badRows, compression, zipEntry, reportedProblems);
    }

    /**
     * Whether the charset is detected ({@link #charset()} is null).
     *
     * @return true when the charset is detected
     */
    public boolean detectsCharset() {
        return charset == null;
    }

    /**
     * A copy with another charset (null: detect it).
     *
     * @param value the charset to decode with, or null to detect it
     * @return a copy with {@code charset} replaced
     */
    public ReadOptions withCharset(Charset value) {
        return new ReadOptions(value, invalidBytes, badRows, compression, zipEntry, reportedProblems);
    }

    /**
     * A copy with another invalid-bytes policy.
     *
     * @param value what to do with bytes that are not valid in the charset: fail, or replace them by U+FFFD
     * @return a copy with {@code invalidBytes} replaced
     */
    public ReadOptions withInvalidBytes(InvalidBytes value) {
        return new ReadOptions(charset, value, badRows, compression, zipEntry, reportedProblems);
    }

    /**
     * A copy with another bad-row policy.
     *
     * @param value what to do with a row that cannot be read: fail, or skip it and report it
     * @return a copy with {@code badRows} replaced
     */
    public ReadOptions withBadRows(BadRowPolicy value) {
        return new ReadOptions(charset, invalidBytes, value, compression, zipEntry, reportedProblems);
    }

    /**
     * A copy with another compression.
     *
     * @param value how the file is compressed, or detected from its first bytes
     * @return a copy with {@code compression} replaced
     */
    public ReadOptions withCompression(Compression value) {
        return new ReadOptions(charset, invalidBytes, badRows, value, zipEntry, reportedProblems);
    }

    /**
     * A copy reading the named zip entry (full name or file name; null for the only entry).
     *
     * @param value the entry's name inside the zip, or null when the zip holds one file
     * @return a copy with {@code zipEntry} replaced
     */
    public ReadOptions withZipEntry(String value) {
        return new ReadOptions(charset, invalidBytes, badRows, compression, value, reportedProblems);
    }

    /**
     * A copy describing up to {@code value} skipped rows in the report.
     *
     * @param value how many skipped rows the report describes, >= 0 (all are counted)
     * @return a copy with {@code reportedProblems} replaced
     */
    public ReadOptions withReportedProblems(int value) {
        return new ReadOptions(charset, invalidBytes, badRows, compression, zipEntry, value);
    }
}
