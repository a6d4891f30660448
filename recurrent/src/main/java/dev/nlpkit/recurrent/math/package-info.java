/**
 * Math kernels of the recurrent module: a row-major single-precision matrix multiply ({@link
 * dev.nlpkit.recurrent.math.Gemm}) and element-wise helpers ({@link dev.nlpkit.recurrent.math.VectorOps}), with
 * JDK Vector API implementations when {@code jdk.incubator.vector} is enabled and plain-Java ones otherwise, the
 * choice made once at start-up ({@link dev.nlpkit.recurrent.math.Kernels#describe()} says which). Large products
 * are split over {@link dev.nlpkit.recurrent.math.Parallelism#threads()} threads.
 *
 * <p>All matrices are flat row-major {@code float[]} with an offset and a leading dimension (row stride).
 *
 * <pre>{@code
 * // Z[b x 4h] = X[b x d] * W^T, W stored [4h x d] (PyTorch's weight layout), then Z += H[b x h] * U^T
 * Gemm.gemm(false, true, batch, 4 * hidden, inputDim, 1f, x, 0, inputDim, w, 0, inputDim, 0f, z, 0, 4 * hidden);
 * Gemm.gemm(false, true, batch, 4 * hidden, hidden, 1f, h, 0, hidden, u, 0, hidden, 1f, z, 0, 4 * hidden);
 * VectorOps.sigmoid(z, 0, batch * 4 * hidden);
 * System.out.println(Kernels.describe());   // e.g. "vector api, 512-bit, 2 threads"
 * Parallelism.setThreads(1);                // bit-reproducible single-threaded runs
 * }</pre>
 */
package dev.nlpkit.recurrent.math;
