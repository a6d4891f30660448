package dev.nlpkit.embeddings.evaluation;

/**
 * Word-pair similarity results, as gensim's {@code evaluate_word_pairs}.
 *
 * @param spearman        Spearman rank correlation (average ranks for ties) of gold scores and cosines
 * @param pearson         Pearson correlation
 * @param pairs           pairs with both words known (used for the correlations)
 * @param oovPairs        pairs with a word missing (or beyond the restriction), left out
 */
public record SimilarityResult(double spearman, double pearson, int pairs, int oovPairs) {

    /**
     * OOV pairs / all pairs, in percent (gensim's oov_ratio).
     *
     * @return the percentage, in [0, 100]
     */
    public double oovRatioPercent() {
        int all = pairs + oovPairs;
        return all == 0 ? 0 : 100.0 * oovPairs / all;
    }
}
