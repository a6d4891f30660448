package dev.nlpkit.embeddings;

/**
 * One negative-sampling update of fastText, shared by skip-gram and CBOW (Facebook's {@code Model::update},
 * gensim's {@code fasttext_fast_sentence_*_neg}).
 *
 * <p>The hidden vector is {@code h = (1/m) sum_r v_r} over the m input rows (mean; {@code sum} without the
 * 1/m for CBOW with {@link CbowInput#SUM}); the rows are a word's own row followed by its n-gram rows (for
 * CBOW: those of every context word, concatenated). For the targets t_0 (the true word, label 1) and
 * t_1..t_k (negatives, label 0; a negative equal to t_0 is skipped) with output rows u_t the loss is
 * {@code L = -log s(h.u_0) - sum_k log s(-h.u_k)}. The update, with learning rate a and
 * {@code g_t = a (label_t - s(h.u_t))} from the sigmoid table (saturated outside (-6, 6) as word2vec.c):
 * {@code u_t += g_t h} and {@code e = sum_t g_t u_t} (old u_t) = {@code -a dL/dh}; then every input row gets
 * {@code v_r += e} (with SUM: {@code e/m}). For the mean this is m times the true gradient step of each row
 * ({@code dL/dv_r = (1/m) dL/dh}): fastText and gensim both apply the hidden gradient unscaled to every row,
 * and so do we. Targets are used in the order given, so with fixed negatives the step is deterministic.
 */
final class FastTextStep {

    private FastTextStep() {
    }

    /**
     * @param rows    input row indices {@code rows[0..rowCount)} (into {@code input}, each of {@code d} floats)
     * @param targets {@code targets[0]} the true word, {@code targets[1..targetCount)} the negatives
     * @param hidden  scratch of length d (holds h afterwards)
     * @param work    scratch of length d (holds e afterwards)
     */
    static void negativeSampling(Kernel kernel, float[] input, float[] output, int d, int[] rows, int rowCount,
            int[] targets, int targetCount, float alpha, boolean mean, float[] hidden, float[] work) {
        java.util.Arrays.fill(hidden, 0, d, 0f);
        java.util.Arrays.fill(work, 0, d, 0f);
        for (int r = 0; r < rowCount; r++) {
            kernel.axpy(1f, input, rows[r] * d, hidden, 0, d);
        }
        float inverse = 1f / rowCount;
        if (mean) {
            for (int i = 0; i < d; i++) {
                hidden[i] *= inverse;
            }
        }
        predict(kernel, output, d, hidden, targets, targetCount, alpha, work);
        float scale = mean ? 1f : inverse;
        for (int r = 0; r < rowCount; r++) {
            kernel.axpy(scale, work, 0, input, rows[r] * d, d);
        }
    }

    /**
     * The output side of one update on a given hidden vector h: for each target, {@code g_t} from the sigmoid
     * table, {@code work += g_t u_t} (old u_t) and {@code u_t += g_t h}. {@code work} is added to, not cleared;
     * h is not changed. Shared by the per-prediction step above and {@link FastTextTrainer}'s HOGBATCH windows.
     *
     * @param hidden  h, length d
     * @param targets {@code targets[0]} the true word, {@code targets[1..targetCount)} the negatives (one equal to
     *                the true word is skipped)
     * @param work    receives e, length d
     */
    static void predict(Kernel kernel, float[] output, int d, float[] hidden, int[] targets, int targetCount,
            float alpha, float[] work) {
        int word = targets[0];
        for (int k = 0; k < targetCount; k++) {
            int target = targets[k];
            if (k > 0 && target == word) {
                continue;
            }
            float label = k == 0 ? 1f : 0f;
            int l2 = target * d;
            float f = kernel.dot(hidden, 0, output, l2, d);
            float g;
            if (f >= SamplingTables.MAX_EXP) {
                g = (label - 1) * alpha;
            } else if (f <= -SamplingTables.MAX_EXP) {
                g = label * alpha;
            } else {
                g = (label - SamplingTables.SIGMOID[(int) ((f + SamplingTables.MAX_EXP) * SamplingTables.EXP_SCALE)])
                        * alpha;
            }
            kernel.axpyBoth(g, output, l2, work, hidden, 0, d);
        }
    }
}
