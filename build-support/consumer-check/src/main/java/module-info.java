/**
 * A modular application of the nlpkit libraries, for the tests only: it requires every library module by its
 * stable name, so resolving it checks their descriptors (and Lucene's and extJWNL's) together.
 */
module dev.nlpkit.modulecheck {
    requires dev.nlpkit.core;
    requires dev.nlpkit.preprocess;
    requires dev.nlpkit.vectorize;
    requires dev.nlpkit.embeddings;
    requires dev.nlpkit.recurrent;
    requires dev.nlpkit.classify;
    // BomTest reads the POMs with the JDK's XML parser.
    requires java.xml;
}
