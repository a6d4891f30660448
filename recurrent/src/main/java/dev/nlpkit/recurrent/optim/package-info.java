/**
 * Optimizers: SGD (full-batch gradient descent when the batch is the whole data set), momentum (classical and
 * Nesterov), Adam, AdamW and RMSProp, with learning-rate schedules (constant, step, exponential). Settings are
 * immutable {@link dev.nlpkit.recurrent.optim.OptimizerOptions}; the moments and step count live in an
 * {@link dev.nlpkit.recurrent.optim.Optimizer} created from them.
 *
 * <pre>{@code
 * Optimizer adam = Optimizer.create(OptimizerOptions.adam(1e-3), layer.parameters());
 * Gradients grads = new Gradients();
 * // ... forward, loss, backward into grads ...
 * grads.clipByGlobalNorm(5.0);
 * adam.step(grads);
 * grads.zero();
 * }</pre>
 */
package dev.nlpkit.recurrent.optim;
