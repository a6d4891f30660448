/**
 * nlpkit text-vectorize: token lists ({@code List<String>} from any tokenizer) to numbers. Sub-packages:
 * {@code vocab} (vocabularies), {@code onehot}, {@code bow} (bag of words and TF-IDF), {@code sequence} (padded
 * index sequences for recurrent networks), {@code label} (class ids), {@code matrix} (CSR and dense output) and
 * {@code io} (the versioned text file formats). Every fitted object is immutable and thread-safe; this package
 * holds the two interfaces they share, {@link dev.nlpkit.vectorize.DocumentTransformer} and
 * {@link dev.nlpkit.vectorize.Estimator}.
 *
 * <pre>{@code
 * List<List<String>> docs = List.of(List.of("good", "day"), List.of("bad", "day"));
 * TfidfVectorizer tfidf = TfidfVectorizer.fit(docs, TfidfOptions.sklearn());
 * CsrMatrix x = tfidf.transform(docs);                    // [2, 3], rows L2-normalised
 * Estimator<CsrMatrix, TfidfVectorizer> later =
 *         Estimator.of("tfidf", d -> TfidfVectorizer.fit(d, TfidfOptions.sklearn()));
 * later.transform(docs);                                    // IllegalStateException: not fitted
 * }</pre>
 */
package dev.nlpkit.vectorize;
