/**
 * Reporting for the examples: binary classification metrics (accuracy, precision, recall, F1, exact tie-aware
 * ROC-AUC, confusion matrix) checked against scikit-learn, a plain-text table that puts several models side by
 * side, wall-clock timing per workflow stage, and atomic writing of output files.
 *
 * <pre>{@code
 * BinaryMetrics lstm = BinaryMetrics.of(testLabels, lstmProbabilities);      // threshold 0.5
 * BinaryMetrics logreg = BinaryMetrics.of(testLabels, logregProbabilities);
 * ComparisonTable table = ComparisonTable.builder().add("tfidf-logreg", logreg).add("lstm", lstm).build();
 * out.print(table.render());
 * StageTimer timer = StageTimer.start();
 * float[][] p = timer.time("train", () -> model.fit(...));
 * out.print(timer.render());
 * }</pre>
 */
package dev.nlpkit.examples.report;
