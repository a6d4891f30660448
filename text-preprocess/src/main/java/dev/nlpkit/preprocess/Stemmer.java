package dev.nlpkit.preprocess;

/** The stemming stage. Every stemmer leaves non-WORD tokens (placeholders, URLs, emoticons...) untouched. */
public enum Stemmer {
    /** No stemming. */
    NONE,
    /** Porter (1980) as Lucene's {@code PorterStemFilter} (Martin Porter's C implementation). */
    PORTER,
    /** Porter2, the Snowball English stemmer (Lucene's {@code SnowballFilter} with {@code EnglishStemmer}). */
    PORTER2,
    /** Krovetz's dictionary-checked inflectional stemmer (Lucene's {@code KStemFilter}). */
    KSTEM,
    /** Plural removal only (Lucene's {@code EnglishMinimalStemFilter}). */
    ENGLISH_MINIMAL
}
