package dev.nlpkit.preprocess;

/**
 * Where a user stage ({@link TextPreprocessor.Builder#addStage}) runs in the preset chain. Several stages at
 * the same point run in the order they were added.
 *
 * <p>The chain with its insertion points: normalization -> tokenizer (and, for Lucene's StandardTokenizer,
 * the type mapping) -> <b>{@link #AFTER_TOKENIZER}</b> -> ASCII folding -> elongation -> lower-case ->
 * per-type actions -> non-letter removal -> length limits -> <b>{@link #BEFORE_STOP_WORDS}</b> -> stop
 * words -> <b>{@link #BEFORE_STEMMING}</b> -> lemmatization -> stemming -> <b>{@link #END}</b>. A point
 * exists whether or not the stages around it are switched on.
 */
public enum InsertionPoint {
    /**
     * Right after the tokenizer: the tokens carry their {@link TokenType} but are not yet folded, squeezed,
     * lower-cased or filtered. The place for a stage that sets custom token types from the original form.
     */
    AFTER_TOKENIZER,
    /** After lower-casing, the per-type actions and the filters; right before the stop-word filter. */
    BEFORE_STOP_WORDS,
    /**
     * After the stop-word filter, before lemmatization and stemming: the place for a keyword marker that
     * protects words from the stemmer, or a part-of-speech tagger feeding the lemmatizer.
     */
    BEFORE_STEMMING,
    /** After every preset stage. */
    END
}
