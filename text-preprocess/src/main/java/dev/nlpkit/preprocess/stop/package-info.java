/**
 * Stop-word lists: Lucene's English default (33), a list equal to NLTK's English list (179, derived from the
 * Snowball list bundled with Lucene), SMART (570 distinct), a file or a collection; and the negations that
 * sentiment analysis must keep.
 *
 * <pre>{@code
 * StopWords nltk = StopWords.nltkEnglish();
 * StopWords tweets = nltk.withoutNegations();          // keeps not, no, nor, don't, isn't, ...
 * StopWords mine = StopWords.fromFile(Path.of("stop.txt"));
 * CharArraySet forLucene = tweets.toCharArraySet();
 * }</pre>
 */
package dev.nlpkit.preprocess.stop;
