package dev.nlpkit.preprocess.corpus;

/** What a reader does with a row it cannot turn into a record (see {@link BadRowKind}). */
public enum BadRowPolicy {
    /** Stop with a {@link CorpusException} naming file, line and reason. */
    FAIL,
    /** Skip the row, count it, and keep the first few reasons in the {@link ReadReport}. */
    SKIP
}
