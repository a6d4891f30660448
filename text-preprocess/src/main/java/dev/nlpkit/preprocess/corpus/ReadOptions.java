package dev.nlpkit.preprocess.corpus;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * How to read a corpus file. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param charset          the text encoding (default UTF-8; {@link Sentiment140Reader} defaults to
 *                         ISO-8859-1, the encoding of the original file)
 * @param invalidBytes     what to do with bytes invalid in {@code charset} (default {@link InvalidBytes#FAIL})
 * @param badRows          what to do with rows that are not records (default {@link BadRowPolicy#FAIL})
 * @param compression      how the file is compressed (default {@link Compression#AUTO})
 * @param zipEntry         the zip entry to read, by full name or by file name; null (default) reads the
 *                         archive's only file entry
 * @param reportedProblems how many skipped rows the {@link ReadReport} describes one by one (default 10)
 */
public record ReadOptions(Charset charset, InvalidBytes invalidBytes, BadRowPolicy badRows,
                          Compression compression, String zipEntry, int reportedProblems) {

    /** Validates: all but {@code zipEntry} non-null; {@code zipEntry} not blank; {@code reportedProblems >= 0}. */
    public ReadOptions {
        Objects.requireNonNull(charset, "charset");
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

    /** UTF-8, fail on invalid bytes and on bad rows, compression detected, the only zip entry, 10 problems. */
    public static ReadOptions defaults() {
        return new ReadOptions(StandardCharsets.UTF_8, InvalidBytes.FAIL, BadRowPolicy.FAIL, Compression.AUTO,
                null, 10);
    }

    /** A copy with another charset. */
    public ReadOptions withCharset(Charset value) {
        return new ReadOptions(value, invalidBytes, badRows, compression, zipEntry, reportedProblems);
    }

    /** A copy with another invalid-bytes policy. */
    public ReadOptions withInvalidBytes(InvalidBytes value) {
        return new ReadOptions(charset, value, badRows, compression, zipEntry, reportedProblems);
    }

    /** A copy with another bad-row policy. */
    public ReadOptions withBadRows(BadRowPolicy value) {
        return new ReadOptions(charset, invalidBytes, value, compression, zipEntry, reportedProblems);
    }

    /** A copy with another compression. */
    public ReadOptions withCompression(Compression value) {
        return new ReadOptions(charset, invalidBytes, badRows, value, zipEntry, reportedProblems);
    }

    /** A copy reading the named zip entry (full name or file name; null for the only entry). */
    public ReadOptions withZipEntry(String value) {
        return new ReadOptions(charset, invalidBytes, badRows, compression, value, reportedProblems);
    }

    /** A copy describing up to {@code value} skipped rows in the report. */
    public ReadOptions withReportedProblems(int value) {
        return new ReadOptions(charset, invalidBytes, badRows, compression, zipEntry, value);
    }
}
