package dev.nlpkit.recurrent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.model.Dataset;
import dev.nlpkit.recurrent.model.FitOptions;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.model.Targets;
import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer minimizes a convex problem with a known optimum: least squares with an intercept,
 * {@code min_w,c mean((x w + c - y)^2)}, trained through a linear Dense layer; the optimum is the ordinary
 * least-squares solution of the normal equations, solved here in double.
 */
class OptimizerConvergenceTest {

    private static final int N = 64;
    private static final int D = 3;
    private static float[][] x;
    private static float[] y;
    private static double[] optimum;

    static {
        SplittableRandom rng = new SplittableRandom(11);
        x = new float[N][D];
        y = new float[N];
        double[] w = {1.5, -2.0, 0.5};
        for (int i = 0; i < N; i++) {
            double v = 0.3;
            for (int j = 0; j < D; j++) {
                x[i][j] = (float) (rng.nextDouble() * 2 - 1);
                v += w[j] * x[i][j];
            }
            y[i] = (float) (v + 0.1 * (rng.nextDouble() - 0.5));
        }
        optimum = leastSquares();
    }

    /** Solves the (D+1) normal equations with Gaussian elimination; the last entry is the intercept. */
    private static double[] leastSquares() {
        int m = D + 1;
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < N; i++) {
            double[] row = new double[m];
            for (int j = 0; j < D; j++) {
                row[j] = x[i][j];
            }
            row[D] = 1;
            for (int r = 0; r < m; r++) {
                for (int c = 0; c < m; c++) {
                    a[r][c] += row[r] * row[c];
                }
                a[r][m] += row[r] * y[i];
            }
        }
        for (int p = 0; p < m; p++) {
            for (int r = p + 1; r < m; r++) {
                double f = a[r][p] / a[p][p];
                for (int c = p; c <= m; c++) {
                    a[r][c] -= f * a[p][c];
                }
            }
        }
        double[] s = new double[m];
        for (int r = m - 1; r >= 0; r--) {
            double v = a[r][m];
            for (int c = r + 1; c < m; c++) {
                v -= a[r][c] * s[c];
            }
            s[r] = v / a[r][r];
        }
        return s;
    }

    static Stream<Arguments> optimizers() {
        LearningRate decaying = new LearningRate.ExponentialDecay(0.05, 0.5, 150);
        return Stream.of(
                Arguments.of("full-batch gradient descent", OptimizerOptions.sgd(0.2), N, 1500),
                Arguments.of("mini-batch SGD, step decay", OptimizerOptions.sgd(0.1)
                        .withLearningRate(new LearningRate.StepDecay(0.1, 0.5, 300)), 8, 400),
                Arguments.of("classical momentum", OptimizerOptions.sgd(0.05)
                        .withMomentum(0.9, OptimizerOptions.Momentum.CLASSICAL), N, 800),
                Arguments.of("Nesterov momentum", OptimizerOptions.sgd(0.05)
                        .withMomentum(0.9, OptimizerOptions.Momentum.NESTEROV), N, 800),
                Arguments.of("Adam, exponential decay", OptimizerOptions.adam(0.05).withLearningRate(decaying), N,
                        1500),
                Arguments.of("RMSProp, exponential decay", OptimizerOptions.rmsProp(0.05).withLearningRate(decaying),
                        N, 1500));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizers")
    void reachesTheLeastSquaresOptimum(String name, OptimizerOptions optimizer, int batchSize, int epochs) {
        Sequential model = Sequential.builder(Shape.vector(D)).add(DenseOptions.of(1, Activation.LINEAR)).build(1L);
        FitOptions fit = FitOptions.of(Loss.MEAN_SQUARED_ERROR, optimizer).withEpochs(epochs)
                .withBatchSize(batchSize);
        model.fit(Dataset.of(Inputs.vectors(x), Targets.binary(y)), null, fit, TrainingListener.none());
        List<Parameter> p = model.parameters();
        for (int j = 0; j < D; j++) {
            assertThat(p.get(0).value().get(j)).as("w[%d]", j).isCloseTo(optimum[j], within(2e-3));
        }
        assertThat(p.get(1).value().get(0)).as("intercept").isCloseTo(optimum[D], within(2e-3));
    }

    @Test
    void adamWDecaysWeightsDecoupledFromTheGradient() {
        Parameter p = new Parameter("w", Tensor.zeros(Precision.FLOAT64, 2), true, false);
        p.value().set(0, 1.0);
        p.value().set(1, -2.0);
        Optimizer opt = Optimizer.create(OptimizerOptions.adamW(0.1, 0.5), List.of(p));
        Gradients zero = new Gradients();
        zero.of(p);
        for (int i = 0; i < 10; i++) {
            opt.step(zero);
        }
        assertThat(p.value().get(0)).isCloseTo(Math.pow(1 - 0.1 * 0.5, 10), within(1e-12));
        assertThat(p.value().get(1)).isCloseTo(-2 * Math.pow(1 - 0.1 * 0.5, 10), within(1e-12));
    }

    @Test
    void adamWConvergesNearTheOptimumWithShrunkWeights() {
        Sequential model = Sequential.builder(Shape.vector(D)).add(DenseOptions.of(1, Activation.LINEAR)).build(1L);
        OptimizerOptions.Adam adamW = OptimizerOptions.adamW(0.05, 0.01)
                .withLearningRate(new LearningRate.ExponentialDecay(0.05, 0.5, 150));
        model.fit(Dataset.of(Inputs.vectors(x), Targets.binary(y)), null,
                FitOptions.of(Loss.MEAN_SQUARED_ERROR, adamW).withEpochs(1500).withBatchSize(N), TrainingListener.none());
        double norm = 0;
        double optimumNorm = 0;
        for (int j = 0; j < D; j++) {
            double w = model.parameters().get(0).value().get(j);
            assertThat(w).isCloseTo(optimum[j], within(0.05));
            norm += w * w;
            optimumNorm += optimum[j] * optimum[j];
        }
        assertThat(norm).isLessThan(optimumNorm);
    }

    @Test
    void schedulesFollowTheirFormulas() {
        assertThat(new LearningRate.StepDecay(0.1, 0.5, 10).at(25)).isCloseTo(0.025, within(1e-15));
        assertThat(new LearningRate.ExponentialDecay(0.1, 0.5, 10).at(5)).isCloseTo(0.1 * Math.sqrt(0.5),
                within(1e-15));
        assertThat(LearningRate.constant(0.3).at(1000)).isEqualTo(0.3);
    }

    @Test
    void lazyAdamLeavesUntouchedEmbeddingRowsAloneWhileDenseAdamMovesThem() {
        for (OptimizerOptions.SparseUpdate mode : OptimizerOptions.SparseUpdate.values()) {
            Parameter table = new Parameter("embeddings", Tensor.zeros(Precision.FLOAT32, 3, 2), true, true);
            Optimizer opt = Optimizer.create(OptimizerOptions.adam(0.1).withSparseUpdate(mode), List.of(table));
            Gradients g = new Gradients();
            g.of(table).set(2, 1.0);
            g.touchRow(table, 1);
            opt.step(g);
            g.zero();
            assertThat(g.of(table).get(2)).isZero();
            g.of(table).set(0, 1.0);
            g.touchRow(table, 0);
            opt.step(g);
            double row1 = table.value().get(2);
            if (mode == OptimizerOptions.SparseUpdate.LAZY) {
                assertThat(row1).isCloseTo(-0.1, within(1e-6));
            } else {
                assertThat(row1).isLessThan(-0.15);
            }
        }
    }

    @Test
    void lazyAdamEqualsDenseAdamOnTouchedRowsWhenTheOthersHaveNoGradientHistory() {
        // Rows 1 and 3 get a gradient at every step, rows 0, 2 and 4 never: their moments stay zero, so dense
        // Adam moves them by 0 / (0 + eps) = 0 and the two modes must agree everywhere, bit for bit.
        int rows = 5;
        int width = 3;
        Parameter dense = new Parameter("dense", Tensor.zeros(Precision.FLOAT32, rows, width), true, true);
        Parameter lazy = new Parameter("lazy", Tensor.zeros(Precision.FLOAT32, rows, width), true, true);
        SplittableRandom init = new SplittableRandom(3);
        for (int i = 0; i < rows * width; i++) {
            double w = init.nextDouble() - 0.5;
            dense.value().set(i, w);
            lazy.value().set(i, w);
        }
        Optimizer denseAdam = Optimizer.create(OptimizerOptions.adam(0.01), List.of(dense));
        Optimizer lazyAdam = Optimizer.create(
                OptimizerOptions.adam(0.01).withSparseUpdate(OptimizerOptions.SparseUpdate.LAZY), List.of(lazy));
        Gradients gDense = new Gradients();
        Gradients gLazy = new Gradients();
        SplittableRandom grads = new SplittableRandom(5);
        for (int step = 0; step < 20; step++) {
            for (int row : new int[] {1, 3}) {
                gDense.touchRow(dense, row);
                gLazy.touchRow(lazy, row);
                for (int j = 0; j < width; j++) {
                    double g = grads.nextDouble() * 2 - 1;
                    gDense.of(dense).set(row * width + j, g);
                    gLazy.of(lazy).set(row * width + j, g);
                }
            }
            denseAdam.step(gDense);
            lazyAdam.step(gLazy);
            gDense.zero();
            gLazy.zero();
        }
        for (int i = 0; i < rows * width; i++) {
            assertThat(Float.floatToRawIntBits((float) lazy.value().get(i))).as("element %d", i)
                    .isEqualTo(Float.floatToRawIntBits((float) dense.value().get(i)));
        }
    }
}
