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
}
