/**
 * Bag of words and TF-IDF over token lists: {@link dev.nlpkit.vectorize.bow.CountVectorizer} (counts or 0/1,
 * n-grams 1..n, most frequent {@code maxSize} terms) and {@link dev.nlpkit.vectorize.bow.TfidfVectorizer}
 * ({@code w = tf x idf}, row-normalised, with explicit {@link dev.nlpkit.vectorize.bow.TermFrequency},
 * {@link dev.nlpkit.vectorize.bow.InverseDocumentFrequency} and {@link dev.nlpkit.vectorize.bow.VectorNormalization}
 * choices and the presets {@code sklearn()} and {@code lesson()}). Both fit in one streaming pass (parallel over
 * chunks of a list), return {@link dev.nlpkit.vectorize.matrix.CsrMatrix} rows, ignore and count unknown terms,
 * and give identical results for any thread count.
 *
 * <pre>{@code
 * TfidfVectorizer tfidf = TfidfVectorizer.fit(trainTokens, TfidfOptions.sklearn());
 * TokenStats stats = new TokenStats();
 * CsrMatrix x = tfidf.transform(testTokens, stats);       // [documents, columns], L2 rows
 * long ignored = stats.unknownTerms();
 * List<TermWeight> why = tfidf.topTerms(List.of("so", "happy", "today"), 2);
 * CountVectorizer bow = CountVectorizer.fit(trainTokens, CountOptions.defaults().withMaxNgram(2).withMaxFeatures(5000));
 * tfidf.save(Path.of("tfidf.txt"));
 * }</pre>
 */
package dev.nlpkit.vectorize.bow;
