/**
 * The trained text classifier as one object: preprocessing, sequences, embeddings and a network; fit, predict,
 * explain, evaluate, save and load as one file. Its options speak the other modules' types, so it requires them
 * transitively.
 *
 * <p>Lemmatizing recipes need the optional WordNet data: on the module path add
 * {@code net.sf.extjwnl:extjwnl-data-wn30} and {@code --add-modules extjwnl.data.wn30}.
 */
module dev.nlpkit.classify {
    requires transitive dev.nlpkit.core;
    requires transitive dev.nlpkit.preprocess;
    requires transitive dev.nlpkit.vectorize;
    requires transitive dev.nlpkit.embeddings;
    requires transitive dev.nlpkit.recurrent;

    exports dev.nlpkit.classify;
    exports dev.nlpkit.classify.io;
    exports dev.nlpkit.classify.linear;
    exports dev.nlpkit.classify.metrics;
}
