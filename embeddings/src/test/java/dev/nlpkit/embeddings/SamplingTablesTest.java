package dev.nlpkit.embeddings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SamplingTablesTest {

    @Test
    void aliasTableDrawsTheUnigramDistributionToThePower() {
        long[] counts = {1000, 300, 100, 20, 5, 1};
        SamplingTables.UnigramTable table = SamplingTables.UnigramTable.of(counts, 0.75);
        double total = 0;
        for (long c : counts) {
            total += Math.pow(c, 0.75);
        }
        int[] hits = new int[counts.length];
        long random = 1;
        int draws = 2_000_000;
        for (int i = 0; i < draws; i++) {
            random = random * 25214903917L + 11;
            hits[table.sample(random)]++;
        }
        for (int w = 0; w < counts.length; w++) {
            assertThat((double) hits[w] / draws).isCloseTo(Math.pow(counts[w], 0.75) / total, within(2e-3));
        }
    }

    @Test
    void sigmoidTableMatchesTheFunction() {
        for (int i = 0; i < SamplingTables.EXP_TABLE_SIZE; i += 37) {
            double x = ((double) i / SamplingTables.EXP_TABLE_SIZE * 2 - 1) * SamplingTables.MAX_EXP;
            assertThat(SamplingTables.SIGMOID[i]).isCloseTo((float) (1 / (1 + Math.exp(-x))), within(1e-6f));
        }
        assertThat(SamplingTables.negLogSigmoid(20f)).isCloseTo(Math.log1p(Math.exp(-20)), within(1e-12));
        assertThat(SamplingTables.negLogSigmoid(-20f)).isCloseTo(20 + Math.log1p(Math.exp(-20)), within(1e-9));
    }

    @Test
    void subsamplingKeepsRareWordsAndThinsFrequentOnes() {
        float[] keep = SamplingTables.keepProbabilities(new long[] {100_000, 1000, 10}, 1e-3);
        assertThat(keep[2]).isEqualTo(1f);
        assertThat(keep[0]).isLessThan(0.2f);
        // word2vec.c formula: (sqrt(c/(tN)) + 1) * tN / c
        double tn = 1e-3 * 101_010;
        assertThat(keep[0]).isCloseTo((float) ((Math.sqrt(100_000 / tn) + 1) * tn / 100_000), within(1e-6f));
    }

    @Test
    void huffmanCodesArePrefixFreeAndFrequentWordsGetShorterCodes() {
        long[] counts = {50, 30, 10, 5, 3, 2};
        HuffmanTree tree = HuffmanTree.build(counts);
        String[] codes = new String[counts.length];
        for (int w = 0; w < counts.length; w++) {
            StringBuilder b = new StringBuilder();
            for (int k = tree.offsets[w]; k < tree.offsets[w + 1]; k++) {
                b.append(tree.codes[k]);
                assertThat(tree.points[k]).isBetween(0, counts.length - 2);
            }
            codes[w] = b.toString();
            assertThat(tree.points[tree.offsets[w]]).isEqualTo(counts.length - 2); // root first
        }
        for (int a = 0; a < codes.length; a++) {
            for (int b = 0; b < codes.length; b++) {
                if (a != b) {
                    assertThat(codes[b].startsWith(codes[a])).isFalse();
                }
            }
        }
        assertThat(codes[0].length()).isLessThanOrEqualTo(codes[5].length());
        assertThat(codes[0]).hasSize(1);
    }

    /** word2vec.c's index, unclamped: what Trainer computed before. */
    private static int unclampedIndex(float x) {
        return (int) ((x + SamplingTables.MAX_EXP) * SamplingTables.EXP_SCALE);
    }

    @Test
    void tableIndexStaysInsideTheTableAtTheBoundaries() {
        int last = SamplingTables.EXP_TABLE_SIZE - 1;
        // The case that crashed: the float sum rounds to 12 just below 6.
        assertThat(unclampedIndex(Math.nextDown(6f))).isEqualTo(SamplingTables.EXP_TABLE_SIZE);
        assertThat(SamplingTables.tableIndex(Math.nextDown(6f))).isEqualTo(last);
        assertThat(SamplingTables.tableIndex(6f)).isEqualTo(last);
        assertThat(SamplingTables.tableIndex(-6f)).isZero();
        assertThat(SamplingTables.tableIndex(Math.nextUp(-6f))).isZero();
        // The 10,000 largest floats below 6 and the 10,000 smallest above -6 (within 0.005 of +-6).
        float high = 6f;
        float low = -6f;
        for (int i = 0; i < 10_000; i++) {
            high = Math.nextDown(high);
            low = Math.nextUp(low);
            assertThat(SamplingTables.tableIndex(high)).isBetween(last - 1, last);
            assertThat(SamplingTables.tableIndex(low)).isBetween(0, 1);
        }
    }

    @Test
    void tableIndexIsUnchangedWhereverTheOldIndexFitted() {
        // Every 101st float of [-6, 6] (about 20 million), both signs.
        for (int bits = 0; bits <= Float.floatToIntBits(6f); bits += 101) {
            for (float x : new float[] {Float.intBitsToFloat(bits), -Float.intBitsToFloat(bits)}) {
                int old = unclampedIndex(x);
                if (old < SamplingTables.EXP_TABLE_SIZE) {
                    assertThat(SamplingTables.tableIndex(x)).isEqualTo(old);
                }
            }
        }
    }

    @Test
    void everyLookupAcceptsTheBoundaryValues() {
        int last = SamplingTables.EXP_TABLE_SIZE - 1;
        float belowSix = Math.nextDown(6f);
        // negLogSigmoid's table lookup (the loss) on both sides.
        assertThat(SamplingTables.negLogSigmoid(belowSix)).isEqualTo(SamplingTables.NEG_LOG_SIGMOID[last]);
        assertThat(SamplingTables.negLogSigmoid(-belowSix)).isEqualTo(SamplingTables.NEG_LOG_SIGMOID[0]);
        assertThat(SamplingTables.negLogSigmoid(6f)).isCloseTo(Math.log1p(Math.exp(-6)), within(1e-12));
        // Hierarchical softmax looks up (-6, 6), negative sampling [-6, 6]: both through tableIndex.
        for (float f : new float[] {belowSix, 6f, -6f, Math.nextUp(-6f), -belowSix}) {
            float s = SamplingTables.SIGMOID[SamplingTables.tableIndex(f)];
            assertThat(s).isCloseTo((float) (1 / (1 + Math.exp(-f))), within(0.01f));
        }
    }
}
