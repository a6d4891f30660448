/**
 * Precision-generic dense tensors: the storage every layer computes on. Trained models use
 * {@link dev.nlpkit.recurrent.tensor.Precision#FLOAT32} (float[] storage, vectorized kernels); the same layer
 * code runs in {@link dev.nlpkit.recurrent.tensor.Precision#FLOAT64} for finite-difference gradient checks.
 * All shapes are batch-major: {@code [batch, time, features]} for sequences, {@code [batch, features]} for
 * vectors.
 *
 * <pre>{@code
 * Tensor x = Tensor.zeros(Precision.FLOAT32, 2, 3);
 * Tensor w = Tensor.zeros(Precision.FLOAT32, 3, 4);
 * Tensor y = Tensor.zeros(Precision.FLOAT32, 2, 4);
 * Ops.gemm(false, false, 2, 4, 3, 1.0, x, 0, 3, w, 0, 4, 0.0, y, 0, 4);   // y = x w
 * Ops.sigmoid(y, 0, y.size());
 * }</pre>
 */
package dev.nlpkit.recurrent.tensor;
