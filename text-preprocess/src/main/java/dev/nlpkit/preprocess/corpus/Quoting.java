package dev.nlpkit.preprocess.corpus;

/** Field quoting of a delimited file. */
public enum Quoting {
    /** RFC 4180: a field may be enclosed in double quotes, inner quotes doubled. */
    RFC4180,
    /** No quoting: a double quote is an ordinary character (TSV files that contain stray quotes). */
    NONE
}
