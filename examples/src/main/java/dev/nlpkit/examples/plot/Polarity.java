package dev.nlpkit.examples.plot;

/** The colour class of a word on the word map: its polarity in an opinion lexicon, or unknown. */
public enum Polarity {
    POSITIVE, NEGATIVE, UNKNOWN
}
