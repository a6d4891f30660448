/**
 * A TF-IDF logistic regression for two classes, the linear partner a {@link dev.nlpkit.classify.TextClassifier} can
 * blend with its network: text-vectorize's TF-IDF rows (scikit-learn's weighting) and an L2-regularised logistic
 * regression fitted by L-BFGS written here, to scikit-learn's {@code lbfgs} optimum (checked against
 * scikit-learn by a golden test). No GPL code: this module stays Apache-2.0.
 *
 * <pre>{@code
 * List<List<String>> tokens = ...;                     // one token list per text
 * int[] classes = ...;                                 // 0 or 1 per text
 * TfidfLogisticRegression lr = TfidfLogisticRegression.fit(tokens, classes,
 *         TfidfLogisticOptions.defaults().withSublinearTf(true));
 * double p = lr.probability(List.of("not", "bad"));   // P(class 1)
 * lr.write(out);                                       // versioned header, text, little-endian float64
 * TfidfLogisticRegression same = TfidfLogisticRegression.read(in, "model.bin");
 * }</pre>
 */
package dev.nlpkit.classify.linear;
