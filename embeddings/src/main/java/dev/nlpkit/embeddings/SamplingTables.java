package dev.nlpkit.embeddings;

/**
 * Precomputed tables of training, as word2vec.c: the sigmoid table, the unigram table for negative sampling,
 * and per-word subsampling keep probabilities.
 */
final class SamplingTables {

    /** Dot products outside (-MAX_EXP, MAX_EXP) are saturated. */
    static final float MAX_EXP = 6f;
    static final int EXP_TABLE_SIZE = 1000;
    static final float EXP_SCALE = EXP_TABLE_SIZE / MAX_EXP / 2f;

    /** {@code sigmoid[i] = s((2i/EXP_TABLE_SIZE - 1) * MAX_EXP)}, s(x) = 1/(1+e^-x). */
    static final float[] SIGMOID = new float[EXP_TABLE_SIZE];
    /** {@code -log s(x)} on the same grid, for the loss. */
    static final double[] NEG_LOG_SIGMOID = new double[EXP_TABLE_SIZE];

    static {
        for (int i = 0; i < EXP_TABLE_SIZE; i++) {
            double x = ((double) i / EXP_TABLE_SIZE * 2 - 1) * MAX_EXP;
            double e = Math.exp(x);
            SIGMOID[i] = (float) (e / (e + 1));
            NEG_LOG_SIGMOID[i] = Math.log1p(Math.exp(-x));
        }
    }

    private SamplingTables() {
    }

    /**
     * The entry of the sigmoid tables for {@code x} in {@code [-MAX_EXP, MAX_EXP]}: word2vec.c's
     * {@code (int) ((x + MAX_EXP) * EXP_SCALE)}, clamped to the last entry. The float sum rounds to 12 for the
     * largest floats below 6 (and is 12 at 6, which negative sampling looks up), which would index one past the
     * table (word2vec.c reads past it silently); every other argument gets the index it always had.
     */
    static int tableIndex(float x) {
        return Math.min((int) ((x + MAX_EXP) * EXP_SCALE), EXP_TABLE_SIZE - 1);
    }

    /** {@code -log s(x)} for any x: the table inside the range, exact outside. */
    static double negLogSigmoid(float x) {
        if (x > -MAX_EXP && x < MAX_EXP) {
            return NEG_LOG_SIGMOID[tableIndex(x)];
        }
        return x > 0 ? Math.log1p(Math.exp(-x)) : -x + Math.log1p(Math.exp(x));
    }

    /**
     * The negative-sampling distribution {@code P(w) = count(w)^power / sum_v count(v)^power} as a Walker/Vose
     * alias table: {@code probability[V]} and {@code alias[V]}. A draw takes a uniform slot i and a uniform u,
     * and returns i when {@code u < probability[i]}, else {@code alias[i]}. Deviation from word2vec.c, which
     * fills a 1e8-slot table with word ids: the alias table gives the exact distribution (no quantisation of
     * rare words) with O(1) draws, and at V entries (8 bytes each) it stays in cache, where a random probe
     * into a 400 MB table misses it every time.
     */
    record UnigramTable(float[] probability, int[] alias) {

        int size() {
            return alias.length;
        }

        static UnigramTable of(long[] counts, double power) {
            int n = counts.length;
            double[] scaled = new double[n];
            double total = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = Math.pow(counts[i], power);
                total += scaled[i];
            }
            int[] small = new int[n];
            int[] large = new int[n];
            int ns = 0;
            int nl = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = scaled[i] * n / total;
                if (scaled[i] < 1.0) {
                    small[ns++] = i;
                } else {
                    large[nl++] = i;
                }
            }
            float[] probability = new float[n];
            int[] alias = new int[n];
            while (ns > 0 && nl > 0) {
                int s = small[--ns];
                int l = large[--nl];
                probability[s] = (float) scaled[s];
                alias[s] = l;
                scaled[l] = (scaled[l] + scaled[s]) - 1.0;
                if (scaled[l] < 1.0) {
                    small[ns++] = l;
                } else {
                    large[nl++] = l;
                }
            }
            while (nl > 0) {
                int l = large[--nl];
                probability[l] = 1f;
                alias[l] = l;
            }
            while (ns > 0) {
                int s = small[--ns];
                probability[s] = 1f;
                alias[s] = s;
            }
            return new UnigramTable(probability, alias);
        }

        /** A draw from the 64-bit LCG state {@code random}: slot from bits 16-47, coin from bits 48-63. */
        int sample(long random) {
            int slot = (int) ((((random >>> 16) & 0xFFFFFFFFL) * alias.length) >>> 32);
            float coin = (random >>> 48) * (1f / 65536f);
            return coin < probability[slot] ? slot : alias[slot];
        }

        long estimatedBytes() {
            return 8L * alias.length;
        }
    }

    /**
     * Probability of keeping each word under subsampling with threshold {@code sample}:
     * {@code (sqrt(c/(t*N)) + 1) * t*N/c}, capped at 1, where N is the sum of vocabulary counts.
     */
    static float[] keepProbabilities(long[] counts, double sample) {
        float[] keep = new float[counts.length];
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        double threshold = sample * total;
        for (int w = 0; w < counts.length; w++) {
            if (sample <= 0) {
                keep[w] = 1f;
            } else {
                double p = (Math.sqrt(counts[w] / threshold) + 1) * threshold / counts[w];
                keep[w] = (float) Math.min(1.0, p);
            }
        }
        return keep;
    }
}
