package dev.nlpkit.preprocess.corpus;

/** Why a row was rejected. */
public enum BadRowKind {
    /** The row has a different number of columns than the format (or the header) requires. */
    COLUMN_COUNT,
    /** The label is not one the reader knows (Sentiment140: not 0, 2 or 4; or not in a label mapping). */
    UNKNOWN_LABEL,
    /** The label field is empty. */
    EMPTY_LABEL,
    /** The text field is empty or only white space. */
    EMPTY_TEXT
}
