package dev.nlpkit.vectorize;

import java.util.List;

/**
 * A fitted object that turns token lists into numbers (a matrix, index sequences). Implementations are immutable
 * and thread-safe: concurrent {@code transform} calls give identical results.
 *
 * @param <R> the output type, e.g. {@link dev.nlpkit.vectorize.matrix.CsrMatrix}
 */
public interface DocumentTransformer<R> {

    /**
     * Transforms {@code documents} (each a list of tokens; an empty list is an empty document).
     *
     * @param documents the documents, in order; none null
     * @return the transformed documents, one row or entry per document in input order
     */
    R transform(List<? extends List<String>> documents);
}
