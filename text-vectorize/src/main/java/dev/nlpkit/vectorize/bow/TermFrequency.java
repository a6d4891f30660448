package dev.nlpkit.vectorize.bow;

/**
 * The term-frequency factor {@code tf(t, d)} of a TF-IDF weight, from the count {@code c(t, d)} of term {@code t}
 * in document {@code d} and the number {@code |d|} of terms in the document (every token, known or not; every
 * n-gram when n-grams are on).
 */
public enum TermFrequency {
    /** {@code tf = c(t, d)} (scikit-learn's default). */
    RAW_COUNT,
    /** {@code tf = c(t, d) / |d|} (the course's TF). */
    FREQUENCY,
    /** {@code tf = 1 + ln c(t, d)} (scikit-learn's {@code sublinear_tf=True}). */
    LOG,
    /** {@code tf = 1} when the term occurs. */
    BINARY;

    /** The factor for a term seen {@code count > 0} times in a document of {@code documentTerms} terms. */
    double apply(int count, int documentTerms) {
        return switch (this) {
            case RAW_COUNT -> count;
            case FREQUENCY -> (double) count / documentTerms;
            case LOG -> 1.0 + Math.log(count);
            case BINARY -> 1.0;
        };
    }
}
