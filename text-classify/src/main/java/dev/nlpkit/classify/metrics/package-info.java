/**
 * Metrics of a binary classifier, checked against scikit-learn: accuracy, precision, recall and F1 at a threshold
 * ({@link dev.nlpkit.classify.metrics.ConfusionMatrix}), the exact tie-aware ROC curve and its area
 * ({@link dev.nlpkit.classify.metrics.RocCurve}), all of them together in
 * {@link dev.nlpkit.classify.metrics.BinaryMetrics}.
 *
 * <pre>{@code
 * BinaryMetrics m = BinaryMetrics.of(testLabels, probabilities);   // class 1 positive, threshold 0.5
 * double auc = m.rocAuc();
 * String table = m.confusion().render("negative", "positive");
 * }</pre>
 */
package dev.nlpkit.classify.metrics;
