package dev.nlpkit.vectorize.bow;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what a transform saw: documents, terms (tokens, or n-grams) and the unknown terms that were ignored
 * because they are not in the fitted vocabulary. Thread-safe; pass one to a transform to be told.
 */
public final class TokenStats {

    private final LongAdder documents = new LongAdder();
    private final LongAdder terms = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder emptyDocuments = new LongAdder();

    /** Empty counts, ready to pass to a transform. */
    public TokenStats() {
        // Explicit only to carry the comment above: the default constructor cannot be documented.
    }

    void add(long documentCount, long termCount, long unknownCount, long emptyCount) {
        documents.add(documentCount);
        terms.add(termCount);
        unknown.add(unknownCount);
        emptyDocuments.add(emptyCount);
    }

    /**
     * Documents transformed.
     *
     * @return the number of documents
     */
    public long documents() {
        return documents.sum();
    }

    /**
     * Terms looked up (tokens, or n-grams).
     *
     * @return the number of terms
     */
    public long terms() {
        return terms.sum();
    }

    /**
     * Terms ignored because the vocabulary does not have them.
     *
     * @return the number of unknown terms
     */
    public long unknownTerms() {
        return unknown.sum();
    }

    /**
     * Documents whose row is all zeros because they had no known term.
     *
     * @return the number of empty documents
     */
    public long emptyDocuments() {
        return emptyDocuments.sum();
    }

    @Override
    public String toString() {
        return "TokenStats[documents=" + documents() + ", terms=" + terms() + ", unknown=" + unknownTerms()
                + ", empty=" + emptyDocuments() + "]";
    }
}
