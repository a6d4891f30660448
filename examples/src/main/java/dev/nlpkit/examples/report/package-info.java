/**
 * Reporting for the examples: a plain-text table that puts the binary metrics of several models side by side
 * (the metrics themselves live in text-classify's {@code dev.nlpkit.classify.metrics}), wall-clock timing per
 * workflow stage, and atomic writing of output files.
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
