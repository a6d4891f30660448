package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * RowProjection gives, on the active path (Vector API in the build's tests) and on the plain one, the bits of the
 * reference chain written out below: per block a sum from zero of rounded products, then added to the bias.
 */
class RowProjectionTest {

    private static float[] values(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) (random.nextGaussian() * 0.5);
        }
        return x;
    }

    /** The order RowProjection documents, one value at a time. */
    private static float[] reference(float[] x, int xOffset, int rows, int features, float[] w, float[] b,
            int width, int block) {
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                float value = b[j];
                for (int k0 = 0; k0 < features; k0 += block) {
                    float sum = 0f;
                    for (int k = k0; k < Math.min(features, k0 + block); k++) {
                        float product = x[xOffset + r * features + k] * w[k * width + j];
                        sum = sum + product;
                    }
                    value = value + sum;
                }
                out[r * width + j] = value;
            }
        }
        return out;
    }

    private static void check(int rows, int features, int width, int block) {
        float[] x = values(3 + rows * features, features * 31L + width);
        float[] w = values(features * width, 7 + width);
        float[] b = values(width, 11);
        float[] expected = reference(x, 3, rows, features, w, b, width, block);
        float[] active = new float[5 + rows * width];
        float[] plain = new float[5 + rows * width];
        RowProjection.project(x, 3, rows, features, w, b, width, block, active, 5);
        RowProjection.plain(x, 3, rows, features, w, b, width, block, plain, 5);
        for (int i = 0; i < expected.length; i++) {
            assertThat(Float.floatToRawIntBits(active[5 + i])).as("active, %d rows, %d x %d, value %d", rows,
                    features, width, i).isEqualTo(Float.floatToRawIntBits(expected[i]));
            assertThat(Float.floatToRawIntBits(plain[5 + i])).as("plain, value %d", i)
                    .isEqualTo(Float.floatToRawIntBits(expected[i]));
        }
    }

    @Test
    void twoFeatureBlocksAndAFullVectorWidthGiveTheReferenceBits() {
        check(9, 300, 400, 256); // a fused table's shape: 300 features into an LSTM(100)
    }

    @Test
    void aWidthThatIsNoMultipleOfTheVectorLengthGivesTheReferenceBitsInTheTail() {
        check(6, 45, 37, 16);
    }

    @Test
    void oneRowAndFewerRowsThanAGroupGiveTheReferenceBits() {
        check(1, 20, 64, 256);
        check(3, 20, 64, 256);
    }

    @Test
    void noFeaturesGivesTheBias() {
        float[] b = values(40, 3);
        float[] out = new float[80];
        RowProjection.project(new float[0], 0, 2, 0, new float[0], b, 40, 256, out, 0);
        for (int j = 0; j < 40; j++) {
            assertThat(out[j]).isEqualTo(b[j]);
            assertThat(out[40 + j]).isEqualTo(b[j]);
        }
    }

    @Test
    void anOutputRangePastTheArrayIsRefusedBeforeAnyWrite() {
        assertThatThrownBy(() -> RowProjection.project(new float[8], 0, 2, 4, new float[12], new float[3], 3, 256,
                new float[5], 0)).isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("out");
    }
}
