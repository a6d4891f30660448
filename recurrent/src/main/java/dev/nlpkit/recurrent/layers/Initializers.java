package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;

/**
 * Weight initializers, the Keras defaults: Glorot (Xavier) uniform for input kernels, orthogonal for
 * recurrent kernels, uniform(-0.05, 0.05) for embeddings, zeros for biases. Values are drawn in double from an
 * explicit {@link SplittableRandom}, so a seed gives the same weights in either precision.
 */
final class Initializers {

    private Initializers() {
    }

    /** Glorot uniform: U(-a, a) with {@code a = sqrt(6 / (fanIn + fanOut))}. */
    static void glorotUniform(Tensor w, int fanIn, int fanOut, SplittableRandom rng) {
        uniform(w, Math.sqrt(6.0 / (fanIn + fanOut)), rng);
    }

    /** U(-limit, limit). */
    static void uniform(Tensor w, double limit, SplittableRandom rng) {
        for (int i = 0; i < w.size(); i++) {
            w.set(i, (rng.nextDouble() * 2 - 1) * limit);
        }
    }

    /**
     * Orthogonal init of a {@code rows x cols} matrix stored at {@code off} with leading dimension {@code ld}:
     * Gram-Schmidt on a standard normal matrix (rows orthonormal when rows <= cols, columns otherwise),
     * Saxe et al. 2014, as Keras' {@code Orthogonal}.
     */
    static void orthogonal(Tensor w, int off, int ld, int rows, int cols, SplittableRandom rng) {
        boolean transpose = rows > cols;
        int n = transpose ? cols : rows;
        int m = transpose ? rows : cols;
        double[][] q = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                q[i][j] = gaussian(rng);
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k < i; k++) {
                    double dot = 0;
                    for (int j = 0; j < m; j++) {
                        dot += q[i][j] * q[k][j];
                    }
                    for (int j = 0; j < m; j++) {
                        q[i][j] -= dot * q[k][j];
                    }
                }
            }
            double norm = 0;
            for (int j = 0; j < m; j++) {
                norm += q[i][j] * q[i][j];
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < m; j++) {
                q[i][j] /= norm;
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                w.set(off + r * ld + c, transpose ? q[c][r] : q[r][c]);
            }
        }
    }

    static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
