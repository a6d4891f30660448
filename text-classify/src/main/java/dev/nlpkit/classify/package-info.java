/**
 * A trained text classifier as one object: {@link dev.nlpkit.classify.TextClassifier} goes from raw text to a
 * label through text-preprocess (tokens), text-vectorize (one vocabulary, id sequences, labels), embeddings
 * (Word2Vec) and recurrent (an LSTM, GRU or simple RNN), trains from an immutable
 * {@link dev.nlpkit.classify.TextClassifierOptions}, explains and evaluates its predictions, and saves as one
 * versioned, checksummed file that loads with this module alone.
 *
 * <pre>{@code
 * TextClassifier model = TextClassifier.fit(trainTexts, trainLabels, new LabeledTexts(valTexts, valLabels),
 *         TextClassifierOptions.defaults(), FitListener.NONE);
 * model.save(Path.of("sentiment.nlpkit"));
 *
 * TextClassifier loaded = TextClassifier.load(Path.of("sentiment.nlpkit"));
 * String label = loaded.predict("best concert ever!!");
 * Evaluation e = loaded.evaluate(testTexts, testLabels);   // accuracy, F1, ROC-AUC, confusion
 * }</pre>
 */
package dev.nlpkit.classify;
