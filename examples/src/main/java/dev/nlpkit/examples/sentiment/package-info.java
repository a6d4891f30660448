/**
 * The sentiment workflow of the examples, behind {@code nlpkit sentiment train|predict|evaluate}: labelled tweets
 * read with text-preprocess's corpus readers ({@link dev.nlpkit.examples.sentiment.SentimentData}), a seeded
 * stratified split ({@link dev.nlpkit.examples.sentiment.StratifiedSplit}), the preprocessing choices and their
 * token pipeline, with optional POS-aware WordNet lemmatization from Smile's HMM tagger
 * ({@link dev.nlpkit.examples.sentiment.Preprocessing}, {@link dev.nlpkit.examples.sentiment.TokenPipeline}), the
 * trained model and its one-file bundle ({@link dev.nlpkit.examples.sentiment.SentimentModel},
 * {@link dev.nlpkit.classify.io.ModelBundle}), the opinion lexicon that colours the word map, and the
 * PyTorch reference run ({@code dev.nlpkit.benchmarks.anchor.TorchReference}, in the benchmarks module).
 *
 * <pre>{@code
 * SentimentData data = SentimentData.read(Path.of("combined.csv.gz"), null, Optional.empty(), rows -> { });
 * StratifiedSplit split = StratifiedSplit.of(data.labels(), StratifiedSplit.Fractions.defaults(), 42);
 * TokenPipeline pipeline = TokenPipeline.of(Preprocessing.defaults()
 *         .withLemmatization(Preprocessing.Lemmatization.POS));
 * List<List<String>> tokens = pipeline.tokensBatch(data.texts(split.train()), 2);
 * SentimentModel model = SentimentModel.load(Path.of("sentiment.nlpkit"));     // a bundle from 'sentiment train'
 * double[] p = model.predictTexts(List.of("what a great day :)"));              // P(positive)
 * }</pre>
 */
package dev.nlpkit.examples.sentiment;
