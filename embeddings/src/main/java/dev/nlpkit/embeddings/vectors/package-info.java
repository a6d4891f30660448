/**
 * The immutable, thread-safe query view of word vectors (gensim's {@code KeyedVectors}): vectors, cosine
 * similarity, 3CosAdd and 3CosMul analogies, doesn't-match, nearest words to a vector, a most-frequent-N
 * restriction. Unknown words give {@code Optional.empty()} or {@link dev.nlpkit.embeddings.vectors.UnknownWordException}.
 *
 * <pre>{@code
 * WordVectors wv = model.vectors();                       // or Word2VecFormat.read(...)
 * Optional<float[]> v = wv.vector("paris");
 * double s = wv.similarity("king", "queen");
 * List<ScoredWord> top = wv.mostSimilar(List.of("paris", "germany"), List.of("france"), 3);  // berlin, ...
 * List<ScoredWord> mul = wv.mostSimilarCosMul(List.of("paris", "germany"), List.of("france"), 3);
 * String odd = wv.doesntMatch(List.of("breakfast", "cereal", "dinner", "lunch"));
 * WordVectors frequent = wv.restrictToMostFrequent(30_000);
 * }</pre>
 */
package dev.nlpkit.embeddings.vectors;
