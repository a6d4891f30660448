package dev.nlpkit.vectorize.vocab;

/**
 * How a {@link Vocabulary.Builder} prunes and orders the counted terms. Pruning is applied in this order:
 * {@code count >= minCount}, {@code df >= minDocumentFrequency}, {@code df <= maxDocumentFrequency}, then the
 * {@code maxSize} terms with the highest corpus count are kept (ties by term); the survivors are ordered by
 * {@code order}. Reserved entries ({@code reserved}) come first and do not count towards {@code maxSize}.
 *
 * @param minCount             minimum corpus count of a term (>= 1)
 * @param minDocumentFrequency minimum document frequency (scikit-learn {@code min_df})
 * @param maxDocumentFrequency maximum document frequency (scikit-learn {@code max_df})
 * @param maxSize              maximum number of real terms, 0 for no limit (scikit-learn {@code max_features})
 * @param order                term order
 * @param reserved             reserved entries at ids 0 (and 1)
 */
public record VocabularyOptions(int minCount, DocumentFrequencyLimit minDocumentFrequency,
                                DocumentFrequencyLimit maxDocumentFrequency, int maxSize, TermOrder order,
                                ReservedTokens reserved) {

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code minCount} is below 1, {@code maxSize} is negative, an option is
     *                                  null, or the order is {@code GIVEN}
     */
    public VocabularyOptions {
        if (minCount < 1) {
            throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        }
        if (minDocumentFrequency == null || maxDocumentFrequency == null || order == null || reserved == null) {
            throw new IllegalArgumentException("vocabulary options must not be null");
        }
        if (maxSize < 0) {
            throw new IllegalArgumentException("maxSize must be >= 0 (0 = no limit), got " + maxSize);
        }
        if (order == TermOrder.GIVEN) {
            throw new IllegalArgumentException("TermOrder.GIVEN is only for Vocabulary.of(terms); a builder orders "
                    + "by FREQUENCY or ALPHABETICAL");
        }
    }

    /**
     * No pruning, frequency order, no reserved entries.
     *
     * @return the default options
     */
    public static VocabularyOptions defaults() {
        return new VocabularyOptions(1, DocumentFrequencyLimit.documents(1), DocumentFrequencyLimit.fraction(1.0), 0,
                TermOrder.FREQUENCY, ReservedTokens.NONE);
    }

    /**
     * With another minimum count.
     *
     * @param value the minimum corpus count of a term, >= 1
     * @return a copy with {@code minCount} replaced
     */
    public VocabularyOptions withMinCount(int value) {
        return new VocabularyOptions(value, minDocumentFrequency, maxDocumentFrequency, maxSize, order, reserved);
    }

    /**
     * With another minimum document frequency.
     *
     * @param value the fewest documents (or fraction of them) a term must appear in
     * @return a copy with {@code minDocumentFrequency} replaced
     */
    public VocabularyOptions withMinDocumentFrequency(DocumentFrequencyLimit value) {
        return new VocabularyOptions(minCount, value, maxDocumentFrequency, maxSize, order, reserved);
    }

    /**
     * With another maximum document frequency.
     *
     * @param value the most documents (or fraction of them) a term may appear in
     * @return a copy with {@code maxDocumentFrequency} replaced
     */
    public VocabularyOptions withMaxDocumentFrequency(DocumentFrequencyLimit value) {
        return new VocabularyOptions(minCount, minDocumentFrequency, value, maxSize, order, reserved);
    }

    /**
     * With another size limit.
     *
     * @param value the most real terms kept, >= 0 (0: no limit)
     * @return a copy with {@code maxSize} replaced
     */
    public VocabularyOptions withMaxSize(int value) {
        return new VocabularyOptions(minCount, minDocumentFrequency, maxDocumentFrequency, value, order, reserved);
    }

    /**
     * With another term order.
     *
     * @param value frequency or alphabetical
     * @return a copy with {@code order} replaced
     */
    public VocabularyOptions withOrder(TermOrder value) {
        return new VocabularyOptions(minCount, minDocumentFrequency, maxDocumentFrequency, maxSize, value, reserved);
    }

    /**
     * With other reserved entries.
     *
     * @param value none, padding, or padding and unknown
     * @return a copy with {@code reserved} replaced
     */
    public VocabularyOptions withReserved(ReservedTokens value) {
        return new VocabularyOptions(minCount, minDocumentFrequency, maxDocumentFrequency, maxSize, order, value);
    }
}
