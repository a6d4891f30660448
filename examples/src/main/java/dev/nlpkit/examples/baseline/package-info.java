/**
 * The baselines the sentiment model has to beat: logistic regression (maximum entropy) on sparse TF-IDF weights
 * and multinomial naive Bayes on term counts, both fitted with Smile. Input is a {@link
 * dev.nlpkit.examples.baseline.SparseRows} of plain arrays, so any vectorizer can feed it.
 *
 * <pre>{@code
 * SparseRows train = new SparseRows(vocabularySize, trainIndices, trainWeights);
 * BaselineModel logreg = LogisticRegressionBaseline.fit(train, trainLabels,
 *         LogisticRegressionBaseline.Options.defaults());
 * BaselineModel nb = NaiveBayesBaseline.fit(trainCounts, trainLabels, NaiveBayesBaseline.Options.defaults());
 * double[] p = logreg.probabilities(test);             // P(class 1) per row
 * BinaryMetrics metrics = BinaryMetrics.of(testLabels, p);
 * }</pre>
 */
package dev.nlpkit.examples.baseline;
