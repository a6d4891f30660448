package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

class GemmTest {

    /** Shapes around the kernels' block edges (1, 15/16/17, 47/48/49...) plus the LSTM shapes, all trans pairs. */
    static Stream<Arguments> shapes() {
        int[][] dims = {
                {1, 1, 1}, {1, 7, 3}, {5, 1, 9}, {3, 17, 1}, {6, 32, 8}, {7, 33, 19}, {13, 48, 31},
                {64, 400, 100}, {65, 97, 130}, {101, 130, 70}, {257, 129, 33}, {31, 400, 300}, {200, 50, 257}, {4, 1000, 64}, {300, 8, 40},
                // Long k, small C: cut into slices of k (2 and 4) with partial sums.
                {13, 70, 3100}, {7, 37, 4500},
        };
        List<Arguments> cases = new ArrayList<>();
        for (int[] d : dims) {
            for (int t = 0; t < 4; t++) {
                cases.add(Arguments.of(d[0], d[1], d[2], (t & 1) != 0, (t & 2) != 0));
            }
        }
        return cases.stream();
    }

    static List<GemmEngine> engines() {
        List<GemmEngine> engines = new ArrayList<>();
        engines.add(PlainGemm.INSTANCE);
        if (Kernels.vectorApi()) {
            engines.add(VectorEngines.gemm());
        }
        return engines;
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void everyEngineMatchesDoublePrecisionReference(int m, int n, int k, boolean transA, boolean transB) {
        float alpha = 0.75f;
        float beta = -0.5f;
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        SplittableRandom random = new SplittableRandom(m * 31L + n * 7L + k);
        float[] a = random(random, 2 + lda * (transA ? k : m));
        float[] b = random(random, 3 + ldb * (transB ? n : k));
        float[] c0 = random(random, 5 + ldc * m);
        float[] expected = c0.clone();
        reference(transA, transB, m, n, k, alpha, a, 2, lda, b, 3, ldb, beta, expected, 5, ldc);
        double tolerance = 1e-5 * Math.sqrt(k) * 4;
        for (GemmEngine engine : engines()) {
            for (int threads : new int[] {1, 2}) {
                float[] c = c0.clone();
                // The engine contract is C += alpha*op(A)*op(B); Gemm applies beta first, so do it here.
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        c[5 + i * ldc + j] *= beta;
                    }
                }
                int saved = Parallelism.threads();
                try {
                    Parallelism.setThreads(threads);
                    engine.multiplyAdd(transA, transB, m, n, k, alpha, a, 2, lda, b, 3, ldb, c, 5, ldc, false);
                } finally {
                    Parallelism.setThreads(saved);
                }
                for (int i = 0; i < c.length; i++) {
                    if (Math.abs(c[i] - expected[i]) > tolerance) {
                        assertThat((double) c[i]).as("%s threads=%d element %d", engine.name(), threads, i)
                                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
                    }
                }
            }
        }
    }

    @Test
    void publicEntryPointHonoursOffsetsAndLeadingDimensions() {
        checkPublic(false, false);
        checkPublic(true, false);
        checkPublic(false, true);
        checkPublic(true, true);
    }

    @Test
    void betaZeroIgnoresNaNInOutput() {
        float[] a = {1, 2, 3, 4};
        float[] b = {1, 0, 0, 1};
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        Gemm.gemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertThat(c).containsExactly(1f, 2f, 3f, 4f);
    }

    @Test
    void nanInInputPropagates() {
        float[] a = {0, 0, 0, 0};
        float[] b = {Float.NaN, 0, 0, 1};
        float[] c = new float[4];
        Gemm.gemm(false, false, 2, 2, 2, 1f, a, 0, 2, b, 0, 2, 0f, c, 0, 2);
        assertThat(c[0]).isNaN();
    }

    @Test
    void rejectsTooShortArrayNamingTheMatrix() {
        assertThatThrownBy(() -> Gemm.gemm(false, false, 2, 2, 2, 1f, new float[3], 0, 2, new float[4], 0, 2,
                0f, new float[4], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix A").hasMessageContaining("needs 4 floats");
    }

    @Test
    void rejectsLeadingDimensionSmallerThanRow() {
        assertThatThrownBy(() -> Gemm.gemm(false, true, 2, 3, 4, 1f, new float[8], 0, 4, new float[12], 0, 3,
                0f, new float[6], 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leading dimension of B must be >= 4");
    }

    @Test
    void singleThreadedResultsAreBitIdenticalAcrossRuns() {
        int m = 70, n = 130, k = 90;
        SplittableRandom random = new SplittableRandom(3);
        float[] a = random(random, m * k);
        float[] b = random(random, k * n);
        float[] c1 = new float[m * n];
        float[] c2 = new float[m * n];
        for (GemmEngine engine : engines()) {
            int saved = Parallelism.threads();
            try {
                Parallelism.setThreads(1);
                engine.multiplyAdd(false, false, m, n, k, 1f, a, 0, k, b, 0, n, c1, 0, n, false);
                engine.multiplyAdd(false, false, m, n, k, 1f, a, 0, k, b, 0, n, c2, 0, n, false);
            } finally {
                Parallelism.setThreads(saved);
            }
            assertThat(c2).containsExactly(c1);
        }
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void everyEngineOverwritingIgnoresOldOutputAndLeavesTheRestAlone(int m, int n, int k, boolean transA,
                                                                      boolean transB) {
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        SplittableRandom random = new SplittableRandom(m * 17L + n * 5L + k);
        float[] a = random(random, 2 + lda * (transA ? k : m));
        float[] b = random(random, 3 + ldb * (transB ? n : k));
        float[] c0 = random(random, 5 + ldc * m);
        for (int i = 0; i < m; i++) {
            java.util.Arrays.fill(c0, 5 + i * ldc, 5 + i * ldc + n, Float.NaN);
        }
        float[] expected = c0.clone();
        reference(transA, transB, m, n, k, 1.5f, a, 2, lda, b, 3, ldb, 0f, expected, 5, ldc);
        double tolerance = 1e-5 * Math.sqrt(k) * 4;
        for (GemmEngine engine : engines()) {
            for (int threads : new int[] {1, 2}) {
                float[] c = c0.clone();
                withThreads(threads, () -> engine.multiplyAdd(transA, transB, m, n, k, 1.5f, a, 2, lda, b, 3, ldb,
                        c, 5, ldc, true));
                for (int i = 0; i < c.length; i++) {
                    assertThat((double) c[i]).as("%s threads=%d element %d", engine.name(), threads, i)
                            .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tolerance));
                }
            }
        }
    }

    @ParameterizedTest(name = "m={0} n={1} k={2} transA={3} transB={4}")
    @MethodSource("shapes")
    void everyEngineGivesTheSameBitsWithBPackedOnce(int m, int n, int k, boolean transA, boolean transB) {
        int lda = (transA ? m : k) + 1;
        int ldb = (transB ? k : n) + 2;
        int ldc = n + 3;
        SplittableRandom random = new SplittableRandom(m * 13L + n * 3L + k);
        float[] a = random(random, 2 + lda * (transA ? k : m));
        float[] b = random(random, 3 + ldb * (transB ? n : k));
        float[] c0 = random(random, 5 + ldc * m);
        for (GemmEngine engine : engines()) {
            float[] packed = engine.packB(transB, k, n, b, 3, ldb);
            for (boolean overwrite : new boolean[] {false, true}) {
                for (int threads : new int[] {1, 2}) {
                    float[] direct = c0.clone();
                    float[] viaPacked = c0.clone();
                    withThreads(threads, () -> {
                        engine.multiplyAdd(transA, transB, m, n, k, 0.5f, a, 2, lda, b, 3, ldb, direct, 5, ldc,
                                overwrite);
                        engine.multiplyAddPacked(transA, m, n, k, 0.5f, a, 2, lda, packed, viaPacked, 5, ldc,
                                overwrite);
                    });
                    assertThat(viaPacked).as("%s threads=%d overwrite=%s", engine.name(), threads, overwrite)
                            .containsExactly(direct);
                }
            }
        }
    }

    /** Products above the parallel threshold, each transposition: 2 threads give the bits of 1 thread. */
    @Test
    void largeProductsGiveTheSameBitsWithOneAndTwoThreads() {
        int[][] dims = {{300, 400, 1200}, {1200, 400, 300}, {1024, 100, 400}, {1030, 400, 100}, {100, 400, 1200}};
        for (int[] d : dims) {
            int m = d[0], n = d[1], k = d[2];
            SplittableRandom random = new SplittableRandom(m + 7L * n + 31L * k);
            float[] a = random(random, m * k);
            float[] b = random(random, k * n);
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                int lda = transA ? m : k;
                int ldb = transB ? k : n;
                float[] one = new float[m * n];
                float[] two = new float[m * n];
                withThreads(1, () -> Gemm.gemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, one, 0, n));
                withThreads(2, () -> Gemm.gemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, two, 0, n));
                assertSameBits(two, one, "2 threads, m=" + m + " n=" + n + " k=" + k + " transA=" + transA
                        + " transB=" + transB);
                float[] packedTwo = new float[m * n];
                PackedMatrix packed = Gemm.pack(transB, k, n, b, 0, ldb);
                withThreads(2, () -> Gemm.gemm(transA, m, 1f, a, 0, lda, packed, 0f, packedTwo, 0, n));
                assertSameBits(packedTwo, one, "packed, 2 threads, m=" + m + " n=" + n + " k=" + k + " transA="
                        + transA + " transB=" + transB);
            }
        }
    }

    /**
     * Products of long {@code k} and small C (the weight gradients {@code x^T dz}) are summed in slices of k
     * whose number depends on the shape only: 1, 2 and 3 threads, and B packed once, give the same bits.
     */
    @Test
    void slicedProductsGiveTheSameBitsWithAnyThreadCountAndPackedB() {
        int[][] dims = {{100, 400, 3000}, {30, 40, 5000}, {7, 130, 2100}};
        for (int[] d : dims) {
            int m = d[0], n = d[1], k = d[2];
            if (Kernels.vectorApi()) {
                assertThat(VectorGemm.kSlices(m, n, k)).as("slices of m=%d n=%d k=%d", m, n, k).isGreaterThan(1);
            }
            SplittableRandom random = new SplittableRandom(m + 3L * n + 11L * k);
            float[] a = random(random, m * k);
            float[] b = random(random, k * n);
            for (int t = 0; t < 4; t++) {
                boolean transA = (t & 1) != 0;
                boolean transB = (t & 2) != 0;
                int lda = transA ? m : k;
                int ldb = transB ? k : n;
                float[] one = new float[m * n];
                withThreads(1, () -> Gemm.gemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f, one, 0, n));
                String what = "m=" + m + " n=" + n + " k=" + k + " transA=" + transA + " transB=" + transB;
                for (int threads : new int[] {2, 3}) {
                    float[] many = new float[m * n];
                    withThreads(threads, () -> Gemm.gemm(transA, transB, m, n, k, 1f, a, 0, lda, b, 0, ldb, 0f,
                            many, 0, n));
                    assertSameBits(many, one, threads + " threads, " + what);
                }
                PackedMatrix packed = Gemm.pack(transB, k, n, b, 0, ldb);
                float[] viaPacked = new float[m * n];
                withThreads(2, () -> Gemm.gemm(transA, m, 1f, a, 0, lda, packed, 0f, viaPacked, 0, n));
                assertSameBits(viaPacked, one, "packed, 2 threads, " + what);
            }
        }
    }

    /** The slice count is a function of the shape: long k and a small C only, a power of two up to 8. */
    @Test
    void onlyLongProductsOfSmallOutputAreSliced() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Kernels.vectorApi(), "the Vector API kernels are off");
        assertThat(VectorGemm.kSlices(300, 400, 30_720)).isEqualTo(8);
        assertThat(VectorGemm.kSlices(100, 400, 3_840)).as("3 rounded down to a power of two").isEqualTo(2);
        assertThat(VectorGemm.kSlices(300, 400, 2_048)).isEqualTo(2);
        assertThat(VectorGemm.kSlices(300, 400, 1_920)).isEqualTo(1);
        assertThat(VectorGemm.kSlices(30_720, 400, 300)).isEqualTo(1);
        assertThat(VectorGemm.kSlices(1_024, 1_024, 4_096)).isEqualTo(1);
        assertThat(VectorGemm.kSlices(1, 1, 100_000)).isEqualTo(1);
    }

    @Test
    void packedProductHonoursBetaAndOffsets() {
        int m = 9, n = 21, k = 11;
        int lda = k + 3;
        int ldb = k + 5;
        int ldc = n + 2;
        SplittableRandom random = new SplittableRandom(19);
        float[] a = random(random, 4 + lda * m);
        float[] b = random(random, 7 + ldb * n);
        float[] c = random(random, 1 + ldc * m);
        float[] expected = c.clone();
        reference(false, true, m, n, k, 2f, a, 4, lda, b, 7, ldb, 0.5f, expected, 1, ldc);
        PackedMatrix packed = Gemm.pack(true, k, n, b, 7, ldb);
        assertThat(packed.rows()).isEqualTo(k);
        assertThat(packed.columns()).isEqualTo(n);
        Gemm.gemm(false, m, 2f, a, 4, lda, packed, 0.5f, c, 1, ldc);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    @Test
    void packedMatrixIsACopy() {
        float[] a = {1, 2};
        float[] b = {3, 4};
        PackedMatrix packed = Gemm.pack(false, 1, 2, b, 0, 2);
        b[0] = 100;
        float[] c = new float[4];
        Gemm.gemm(false, 2, 1f, a, 0, 1, packed, 0f, c, 0, 2);
        assertThat(c).containsExactly(3f, 4f, 6f, 8f);
    }

    @Test
    void packedProductRejectsAnOperandPackedByOtherKernels() {
        GemmEngine other = Kernels.vectorApi() ? PlainGemm.INSTANCE : null;
        org.junit.jupiter.api.Assumptions.assumeTrue(other != null, "only one kernel family in this JVM");
        float[] b = {1, 2, 3, 4};
        PackedMatrix foreign = new PackedMatrix(other, 2, 2, other.packB(false, 2, 2, b, 0, 2));
        assertThatThrownBy(() -> Gemm.gemm(false, 2, 1f, new float[4], 0, 2, foreign, 0f, new float[4], 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("packed by the plain java kernels");
    }

    @Test
    void packedProductRejectsTooShortOutput() {
        PackedMatrix packed = Gemm.pack(false, 2, 3, new float[6], 0, 3);
        assertThatThrownBy(() -> Gemm.gemm(false, 2, 1f, new float[4], 0, 2, packed, 0f, new float[5], 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matrix C").hasMessageContaining("needs 6 floats");
    }

    /** Bitwise equality, reporting the first differing element (assertj's diff is quadratic on large arrays). */
    private static void assertSameBits(float[] actual, float[] expected, String what) {
        assertThat(actual.length).as(what).isEqualTo(expected.length);
        for (int i = 0; i < actual.length; i++) {
            if (Float.floatToIntBits(actual[i]) != Float.floatToIntBits(expected[i])) {
                assertThat(actual[i]).as("%s, element %d", what, i).isEqualTo(expected[i]);
            }
        }
    }

    private static void withThreads(int threads, Runnable body) {
        int saved = Parallelism.threads();
        try {
            Parallelism.setThreads(threads);
            body.run();
        } finally {
            Parallelism.setThreads(saved);
        }
    }

    private static void checkPublic(boolean transA, boolean transB) {
        int m = 9, n = 21, k = 11;
        int lda = (transA ? m : k) + 3;
        int ldb = (transB ? k : n) + 5;
        int ldc = n + 2;
        SplittableRandom random = new SplittableRandom(11);
        float[] a = random(random, 4 + lda * (transA ? k : m));
        float[] b = random(random, 7 + ldb * (transB ? n : k));
        float[] c = random(random, 1 + ldc * m);
        float[] expected = c.clone();
        reference(transA, transB, m, n, k, 2f, a, 4, lda, b, 7, ldb, 0.5f, expected, 1, ldc);
        Gemm.gemm(transA, transB, m, n, k, 2f, a, 4, lda, b, 7, ldb, 0.5f, c, 1, ldc);
        for (int i = 0; i < c.length; i++) {
            assertThat(c[i]).as("element %d", i).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    /** Double-precision reference; touches only the m x n window of C. */
    static void reference(boolean transA, boolean transB, int m, int n, int k, float alpha,
                          float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                          float beta, float[] c, int cOff, int ldc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    double x = transA ? a[aOff + p * lda + i] : a[aOff + i * lda + p];
                    double y = transB ? b[bOff + j * ldb + p] : b[bOff + p * ldb + j];
                    sum += x * y;
                }
                int at = cOff + i * ldc + j;
                c[at] = (float) (alpha * sum + (beta == 0f ? 0.0 : (double) beta * c[at]));
            }
        }
    }

    static float[] random(SplittableRandom random, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return x;
    }
}
