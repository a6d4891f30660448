package dev.nlpkit.preprocess.corpus;

/** How a corpus file is compressed. */
public enum Compression {
    /** Detected from the first bytes: gzip ({@code 1f 8b}), zip ({@code PK 03 04}) or none. */
    AUTO,
    /** Plain text. */
    NONE,
    /** gzip. */
    GZIP,
    /** A zip archive: its single file entry, or the entry named in {@link ReadOptions#zipEntry()}. */
    ZIP
}
