/**
 * One-hot encoding: a token to a vector with a single 1 at its vocabulary id, a document to its sequence of
 * one-hot vectors (a sparse time x vocabulary matrix), and the dense table for small vocabularies. The class
 * comment of {@link dev.nlpkit.vectorize.onehot.OneHotEncoder} explains why one-hot does not scale.
 *
 * <pre>{@code
 * Vocabulary words = Vocabulary.of("man", "woman", "boy", "girl", "prince", "princess", "queen", "king", "monarch");
 * OneHotEncoder encoder = OneHotEncoder.of(words);
 * float[] queen = encoder.dense("queen");            // 1 at index 6
 * DenseMatrix table = encoder.table();               // 9 x 9 identity, rows in the order above
 * CsrMatrix sentence = encoder.encode(List.of("the", "king"));   // [2, 9]; "the" is an all-zero row
 * }</pre>
 */
package dev.nlpkit.vectorize.onehot;
