/**
 * The stemming stage: Lucene's Porter, Snowball English (Porter2), KStem and English minimal stemmers behind
 * {@link dev.nlpkit.preprocess.Stemmer}. All of them leave keyword tokens (every non-WORD token) alone. Their
 * agreement with the reference vocabularies and NLTK is tested and the departures are listed in the tests.
 *
 * <pre>{@code
 * TokenStream s = Stemmers.wrap(lowerCased, Stemmer.PORTER);     // running -> run, ponies -> poni
 * TokenStream t = Stemmers.wrap(lowerCased, Stemmer.PORTER2);    // generously -> generous
 * }</pre>
 */
package dev.nlpkit.preprocess.stem;
