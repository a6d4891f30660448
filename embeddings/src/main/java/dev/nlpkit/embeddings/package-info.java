/**
 * Word2Vec training as word2vec.c does it (CBOW and skip-gram; negative sampling and/or hierarchical softmax;
 * subsampling, reduced windows, sigmoid table, linear learning-rate decay, lock-free worker threads), with
 * gensim 4's parameter names and defaults in {@link dev.nlpkit.embeddings.Word2VecOptions}, or minibatched with
 * shared negatives ({@link dev.nlpkit.embeddings.Algorithm#HOGBATCH}, pWord2Vec's scheme). A fitted
 * {@link dev.nlpkit.embeddings.Word2Vec} is immutable; {@code vectors()} gives the query view.
 *
 * <pre>{@code
 * Word2VecOptions options = Word2VecOptions.defaults()
 *         .withArchitecture(Architecture.SKIP_GRAM).withThreads(2).withSeed(42);
 * Word2Vec model = Word2Vec.fit(Corpus.lines(Path.of("corpus.txt.gz")), options,
 *         new TrainingListener<TrainingProgress, TrainingProgress>() {
 *             public void onEpochEnd(TrainingProgress p) { System.out.println(p.epoch() + " " + p.wordsPerSecond()); }
 *         });
 * WordVectors wv = model.vectors();
 * wv.mostSimilar(List.of("king", "woman"), List.of("man"), 5);   // queen, ...
 * model.save(Path.of("model.w2v"));                              // continue later: Word2Vec.load(...)
 * }</pre>
 *
 * <p>{@link dev.nlpkit.embeddings.FastText} adds hashed character n-grams (Bojanowski et al. 2017), so every
 * word, seen in training or not, has a vector:
 * <pre>{@code
 * FastText ft = FastText.fit(Corpus.lines(Path.of("tweets.txt")), FastTextOptions.defaults(), 42L);
 * float[] v = ft.vectors().vector("sooooo");                     // out of vocabulary: mean of its n-gram rows
 * FastText fb = FastText.loadFacebookModel(Path.of("wiki.en.bin"));
 * }</pre>
 */
package dev.nlpkit.embeddings;
