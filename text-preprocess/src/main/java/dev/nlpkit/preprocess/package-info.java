/**
 * Text preprocessing for tweets and prose: a thread-safe {@link dev.nlpkit.preprocess.TextPreprocessor} built
 * from an immutable {@link dev.nlpkit.preprocess.PreprocessOptions}. The pipeline is a Lucene
 * {@code Analyzer} (normalization, one of three tokenizers, per-type actions, filters, stop words,
 * lemmatization, stemming); {@code toString()} lists the chain. Presets: {@code tweets()} (the sentiment
 * default), {@code english()} (prose) and {@code lesson()} (word_tokenize, lower-case, NLTK stop words, Porter).
 *
 * <pre>{@code
 * TextPreprocessor tweets = TextPreprocessor.tweets();
 * List<String> t = tweets.tokens("@bob I don't LOVE it!!! &lt;3 http://t.co/x #fail");
 *     // [<user>, don't, love, <3, <url>, fail]
 * List<Token> typed = tweets.typedTokens("so gooood :)");          // term, TokenType, offsets
 * TextPreprocessor mine = TextPreprocessor.of(PreprocessOptions.tweets()
 *         .withStemmer(Stemmer.PORTER).withAction(TokenType.NUMBER, TokenAction.DROP));
 * List<List<String>> all = mine.tokensBatch(texts, 2);             // parallel, same result as 1 thread
 * Analyzer lucene = mine.analyzer();                                // plug into Lucene
 * TextPreprocessor extended = TextPreprocessor.builder(PreprocessOptions.tweets())
 *         .addStage(InsertionPoint.BEFORE_STOP_WORDS, "Slang", SlangFilter::new).build();   // your own filter
 * }</pre>
 *
 * <p>Every tokenizer, char filter and filter of the toolkit also has a Lucene SPI factory ({@code nlpkitTweet},
 * {@code nlpkitNormalize}, {@code nlpkitTypePolicy}, ...), so the chains can be assembled by name in Lucene's
 * {@code CustomAnalyzer}, Solr or Elasticsearch.
 */
package dev.nlpkit.preprocess;
