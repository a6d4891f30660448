/**
 * Tokenizers: the tweet-aware {@link dev.nlpkit.preprocess.tokenize.TweetTokenizer} (rules in
 * {@link dev.nlpkit.preprocess.tokenize.TweetScanner}) and the Penn-Treebank
 * {@link dev.nlpkit.preprocess.tokenize.TreebankTokenizer} (NLTK's {@code word_tokenize} on one sentence, rules in
 * {@link dev.nlpkit.preprocess.tokenize.PennTreebankSplitter}). Both record a
 * {@link dev.nlpkit.preprocess.TokenType} in Lucene's {@code TypeAttribute} and mark non-WORD tokens as keywords.
 *
 * <pre>{@code
 * Tokenizer tweets = new TweetTokenizer();
 * tweets.setReader(new StringReader("@bob :) http://t.co/x #win 15,000"));
 * // MENTION, EMOTICON, URL, HASHTAG, NUMBER
 * new PennTreebankSplitter().split("I can't go.");       // [I, ca, n't, go, .]
 * }</pre>
 */
package dev.nlpkit.preprocess.tokenize;
