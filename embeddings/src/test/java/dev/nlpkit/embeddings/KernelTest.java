package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class KernelTest {

    @Test
    void vectorApiAndPlainKernelsAgreeWithinFloatTolerance() {
        Kernel plain = Kernel.select(VectorKernel.PLAIN);
        Kernel auto = Kernel.select(VectorKernel.AUTO);
        SplittableRandom r = new SplittableRandom(3);
        for (int n : new int[] {1, 7, 16, 100, 300}) {
            float[] a = new float[n + 5];
            float[] b = new float[n + 9];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            double exact = 0;
            for (int i = 0; i < n; i++) {
                exact += (double) a[5 + i] * b[9 + i];
            }
            assertThat((double) plain.dot(a, 5, b, 9, n)).isCloseTo(exact, within(1e-4 * n));
            assertThat((double) auto.dot(a, 5, b, 9, n)).isCloseTo(exact, within(1e-4 * n));
            float[] y1 = b.clone();
            float[] y2 = b.clone();
            plain.axpy(0.3f, a, 5, y1, 9, n);
            auto.axpy(0.3f, a, 5, y2, 9, n);
            for (int i = 0; i < y1.length; i++) {
                assertThat(y2[i]).isCloseTo(y1[i], within(1e-5f));
            }
            float[] e1 = new float[n];
            float[] e2 = new float[n];
            float[] u1 = b.clone();
            float[] u2 = b.clone();
            plain.axpyBoth(0.2f, u1, 9, e1, a, 5, n);
            auto.axpyBoth(0.2f, u2, 9, e2, a, 5, n);
            for (int i = 0; i < n; i++) {
                assertThat(e2[i]).isCloseTo(e1[i], within(1e-5f));
                assertThat(e1[i]).isCloseTo(0.2f * b[9 + i], within(1e-6f));
                assertThat(u2[9 + i]).isCloseTo(u1[9 + i], within(1e-5f));
                assertThat(u1[9 + i]).isCloseTo(b[9 + i] + 0.2f * a[5 + i], within(1e-6f));
            }
        }
    }

    @Test
    void vectorApiModuleIsPresentUnderTheBuildJvmOptions() {
        // Surefire runs with --add-modules=jdk.incubator.vector (root POM), so AUTO picks the Vector API.
        assertThat(Kernel.select(VectorKernel.AUTO).name()).startsWith("vector-api");
    }
}
