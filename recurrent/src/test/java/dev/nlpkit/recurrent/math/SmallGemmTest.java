package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** SmallGemm against Gemm (the reference product), and its Vector API kernel against its plain twin, bit for bit. */
class SmallGemmTest {

    /** Attention's shapes (T = 30 and 128, d = 32, T padded to whole vectors) and the block edges around them. */
    static Stream<Arguments> shapes() {
        int[][] dims = {{30, 32, 32}, {30, 32, 30}, {128, 128, 32}, {128, 32, 128}, {1, 16, 1}, {3, 16, 5},
                {5, 48, 7}, {9, 64, 33}, {7, 5, 3}, {2, 3, 4}};
        List<Arguments> cases = new ArrayList<>();
        for (int[] d : dims) {
            cases.add(Arguments.of(d[0], d[1], d[2]));
        }
        return cases.stream();
    }

    /**
     * The shapes the Vector API kernel takes (a width of whole vectors; narrower products go to the plain kernel,
     * which the tests above cover), so that no case is skipped on a machine whose vectors are wider.
     */
    static Stream<Arguments> vectorShapes() {
        if (!Kernels.vectorApi()) {
            return shapes();
        }
        return shapes().filter(shape -> (int) shape.get()[1] % VectorSmallGemm.LANES == 0);
    }

    private static float[] random(long seed, int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return a;
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void gemmNNMatchesGemmWithStridesAndOffsets(int m, int n, int k) {
        int lda = k + 3;
        int ldb = n + 5;
        int ldc = n + 2;
        float[] a = random(1, 2 + m * lda);
        float[] b = random(2, 1 + Math.max(1, k) * ldb);
        float[] c = random(3, 4 + m * ldc);
        float[] expected = c.clone();
        SmallGemm.gemmNN(m, n, k, 0.5f, a, 2, lda, b, 1, ldb, c, 4, ldc);
        Gemm.gemm(false, false, m, n, k, 0.5f, a, 2, lda, b, 1, ldb, 0f, expected, 4, ldc);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5f));
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void gemmTNMatchesGemmWithStridesAndOffsets(int m, int n, int k) {
        int lda = m + 3;
        int ldb = n + 5;
        int ldc = n + 2;
        float[] a = random(4, 2 + Math.max(1, k) * lda);
        float[] b = random(5, 1 + Math.max(1, k) * ldb);
        float[] c = random(6, 4 + m * ldc);
        float[] expected = c.clone();
        SmallGemm.gemmTN(m, n, k, -2f, a, 2, lda, b, 1, ldb, c, 4, ldc);
        Gemm.gemm(true, false, m, n, k, -2f, a, 2, lda, b, 1, ldb, 0f, expected, 4, ldc);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("element %d", i).isCloseTo(expected[i], within(1e-4f));
        }
    }

    @ParameterizedTest
    @MethodSource("vectorShapes")
    void vectorKernelsGiveThePlainKernelsBits(int m, int n, int k) {
        Assumptions.assumeTrue(Kernels.vectorApi(), "the Vector API is off");
        float[] a = random(7, m * k + k * m + 1);
        float[] b = random(8, k * n + 1);
        float[] vector = new float[m * n];
        float[] plain = new float[m * n];
        VectorSmallGemm.gemmNN(m, n, k, 0.25f, a, 0, k, b, 0, n, vector, 0, n);
        SmallGemm.plainNN(m, n, k, 0.25f, a, 0, k, b, 0, n, plain, 0, n);
        assertThat(vector).containsExactly(plain);
        VectorSmallGemm.gemmTN(m, n, k, 0.25f, a, 0, m, b, 0, n, vector, 0, n);
        SmallGemm.plainTN(m, n, k, 0.25f, a, 0, m, b, 0, n, plain, 0, n);
        assertThat(vector).containsExactly(plain);
    }
}
