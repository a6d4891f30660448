/**
 * What the sentiment command line adds around text-classify's {@code TextClassifier} (which owns the workflow:
 * preprocessing, vocabulary, Word2Vec, network, fit, evaluation and the bundle): labelled tweets read with
 * text-preprocess's corpus readers ({@link dev.nlpkit.examples.sentiment.SentimentData}), a seeded stratified
 * split ({@link dev.nlpkit.examples.sentiment.StratifiedSplit}), the command-line spelling of the preprocessing
 * choices ({@link dev.nlpkit.examples.sentiment.Preprocessing}, shared with {@code preprocess} and {@code tfidf}),
 * Smile's HMM part-of-speech tagger as text-preprocess's {@code smile-hmm} tagger
 * ({@link dev.nlpkit.examples.sentiment.SmileHmmTagger}, the tagger stage of {@code --lemmatize pos}), the opinion
 * lexicon that colours the word map, and the PyTorch reference run
 * ({@code dev.nlpkit.benchmarks.anchor.TorchReference}).
 *
 * <pre>{@code
 * SentimentData data = SentimentData.read(Path.of("combined.csv.gz"), null, Optional.empty(), rows -> { });
 * StratifiedSplit split = StratifiedSplit.of(data.labels(), StratifiedSplit.Fractions.defaults(), 42);
 * TextClassifier model = TextClassifier.load(Path.of("sentiment.nlpkit"));    // a bundle from 'sentiment train'
 * double[][] p = model.predictProba(List.of("what a great day :)"));          // one column per model.labels()
 * }</pre>
 */
package dev.nlpkit.examples.sentiment;
