package dev.nlpkit.vectorize.vocab;

/** How a {@link Vocabulary} orders its terms (and so assigns ids, after any reserved entries). */
public enum TermOrder {
    /** Corpus count descending, ties broken by the term in code-point order (Keras-like; deterministic). */
    FREQUENCY,
    /** Code-point order of the terms (Python's {@code sorted}; scikit-learn's column order). */
    ALPHABETICAL,
    /** The order in which the terms were given ({@link Vocabulary#of}). */
    GIVEN
}
