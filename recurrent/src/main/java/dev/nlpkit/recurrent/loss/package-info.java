/**
 * Losses: binary cross-entropy (stable, from logits), softmax cross-entropy with integer labels, mean squared
 * error, all with per-row masks so per-step losses skip padding.
 *
 * <pre>{@code
 * Loss.Evaluation e = Loss.BINARY_CROSSENTROPY_FROM_LOGITS.evaluate(logits, null, targets, null, true);
 * double meanLoss = e.loss();
 * Tensor dLogits = e.gradient();     // sigmoid(z) - y, divided by the number of rows
 * }</pre>
 */
package dev.nlpkit.recurrent.loss;
