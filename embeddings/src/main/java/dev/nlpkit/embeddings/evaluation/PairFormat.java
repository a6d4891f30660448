package dev.nlpkit.embeddings.evaluation;

/** Layouts of word-pair similarity files. */
public enum PairFormat {
    /** SimLex-999: tab-separated with a header line; word1, word2, POS, SimLex999 score, ... */
    SIMLEX_999,
    /** MEN (natural form): "word1 word2 score" separated by spaces; an optional "word1 word2 score" header. */
    MEN,
    /** gensim's {@code evaluate_word_pairs} default (wordsim353.tsv): "word1\tword2\tscore", '#' comments. */
    TSV
}
