package dev.nlpkit.vectorize.bow;

import dev.nlpkit.vectorize.matrix.CsrMatrix;

/**
 * The result of a {@code fitTransform}: the fitted vectorizer and the matrix of the documents it was fitted on.
 *
 * @param vectorizer the fitted vectorizer
 * @param matrix     {@code [documents, vocabulary]}
 * @param <V>        the vectorizer type
 */
public record Fitted<V>(V vectorizer, CsrMatrix matrix) {
}
