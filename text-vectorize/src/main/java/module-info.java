/**
 * Text to numbers: vocabulary, one-hot, bag of words, TF-IDF, padded index sequences, label encoding.
 */
module dev.nlpkit.vectorize {
    requires transitive dev.nlpkit.core;

    exports dev.nlpkit.vectorize;
    exports dev.nlpkit.vectorize.bow;
    exports dev.nlpkit.vectorize.io;
    exports dev.nlpkit.vectorize.label;
    exports dev.nlpkit.vectorize.matrix;
    exports dev.nlpkit.vectorize.onehot;
    exports dev.nlpkit.vectorize.sequence;
    exports dev.nlpkit.vectorize.vocab;
}
