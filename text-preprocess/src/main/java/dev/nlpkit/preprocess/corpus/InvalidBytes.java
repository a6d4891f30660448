package dev.nlpkit.preprocess.corpus;

/** What a reader does with bytes that are not valid in the chosen charset. */
public enum InvalidBytes {
    /** Stop with a {@link CorpusException} naming file, line and the offending bytes. */
    FAIL,
    /** Replace each invalid sequence by U+FFFD and go on. */
    REPLACE
}
