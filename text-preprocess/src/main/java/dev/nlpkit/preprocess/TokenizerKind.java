package dev.nlpkit.preprocess;

/** Which tokenizer starts the pipeline. */
public enum TokenizerKind {
    /** {@link dev.nlpkit.preprocess.tokenize.TweetTokenizer}: URLs, mentions, hashtags, emoticons, numbers kept whole. */
    TWEET,
    /** Lucene's {@code StandardTokenizer} (Unicode UAX#29 word boundaries), for prose; it drops punctuation. */
    STANDARD,
    /** {@link dev.nlpkit.preprocess.tokenize.TreebankTokenizer}: Penn-Treebank splitting as NLTK's {@code word_tokenize}. */
    TREEBANK
}
