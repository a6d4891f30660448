/**
 * Word2Vec (CBOW, skip-gram; word2vec.c's HOGWILD and the minibatched HOGBATCH), FastText, word-vector queries,
 * evaluation and the word2vec, GloVe and fastText file formats.
 *
 * <p>The Vector API is optional ({@code requires static}): the training kernels use it when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, and a plain-Java kernel otherwise.
 */
module dev.nlpkit.embeddings {
    requires transitive dev.nlpkit.core;
    requires static jdk.incubator.vector;

    exports dev.nlpkit.embeddings;
    exports dev.nlpkit.embeddings.evaluation;
    exports dev.nlpkit.embeddings.io;
    exports dev.nlpkit.embeddings.vectors;
}
