/**
 * Intrinsic evaluation of word vectors as gensim 4 does it: analogy accuracy on the Google
 * {@code questions-words.txt} format (per section and overall, OOV questions counted apart, most-frequent-N
 * restriction, case-insensitive by default) and Spearman/Pearson correlation with human ratings on SimLex-999,
 * MEN or gensim's TSV pair format (OOV ratio reported).
 *
 * <pre>{@code
 * AnalogyResult a = AnalogyEvaluation.evaluate(wv, Path.of("questions-words.txt"), 30_000, true);
 * a.accuracy();  a.oov();  a.sections().get(0).name();
 * SimilarityResult s = SimilarityEvaluation.evaluate(wv, Path.of("SimLex-999.txt"), PairFormat.SIMLEX_999);
 * s.spearman();  s.oovRatioPercent();
 * }</pre>
 */
package dev.nlpkit.embeddings.evaluation;
