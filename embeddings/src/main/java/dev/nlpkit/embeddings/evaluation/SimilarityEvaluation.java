package dev.nlpkit.embeddings.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * Correlation of cosine similarities with human similarity ratings (SimLex-999, MEN, gensim's TSV), as gensim
 * 4's {@code evaluate_word_pairs}: only the {@code restrictVocab} most frequent words take part, pairs with an
 * unknown word are left out and counted, words are matched case-insensitively by default (most frequent
 * variant). Spearman uses average ranks for ties (as scipy's {@code spearmanr}).
 */
public final class SimilarityEvaluation {

    private SimilarityEvaluation() {
    }

    /**
     * A gold pair.
     *
     * @param first the first word
     * @param second the second word
     * @param score the human similarity score (any scale: only ranks and correlation count)
     */
    public record Pair(String first, String second, double score) {
    }

    /**
     * gensim's defaults: 300,000 words, case-insensitive.
     *
     * @param vectors the vectors to evaluate
     * @param file the gold pairs
     * @param format the layout of the file's lines
     * @return the correlations and the number of pairs used and skipped
     * @throws IOException when the file cannot be read or a line is malformed
     */
    public static SimilarityResult evaluate(WordVectors vectors, Path file, PairFormat format) throws IOException {
        return evaluate(vectors, readPairs(file, format), AnalogyEvaluation.DEFAULT_RESTRICT_VOCAB, true);
    }

    /**
     * The Spearman and Pearson correlations between the gold scores and the cosine similarities, as gensim's {@code
     * evaluate_word_pairs}; pairs with a word outside the restricted vocabulary are skipped and counted.
     *
     * @param vectors the vectors to evaluate
     * @param pairs the gold pairs
     * @param restrictVocab only the most frequent words count, >= 1 (gensim's {@code restrict_vocab})
     * @param caseInsensitive true to compare words upper-cased, as gensim's {@code case_insensitive}
     * @return the correlations and the number of pairs used and skipped
     */
    public static SimilarityResult evaluate(WordVectors vectors, List<Pair> pairs, int restrictVocab,
            boolean caseInsensitive) {
        WordVectors restricted = vectors.restrictToMostFrequent(restrictVocab);
        Map<String, Integer> ok = AnalogyEvaluation.okVocabulary(restricted, caseInsensitive);
        List<double[]> used = new ArrayList<>();
        int oov = 0;
        for (Pair p : pairs) {
            Integer a = ok.get(AnalogyEvaluation.key(p.first(), caseInsensitive));
            Integer b = ok.get(AnalogyEvaluation.key(p.second(), caseInsensitive));
            if (a == null || b == null) {
                oov++;
                continue;
            }
            used.add(new double[] {p.score(), restricted.similarity(restricted.word(a), restricted.word(b))});
        }
        double[] gold = used.stream().mapToDouble(x -> x[0]).toArray();
        double[] model = used.stream().mapToDouble(x -> x[1]).toArray();
        return new SimilarityResult(spearman(gold, model), pearson(gold, model), used.size(), oov);
    }

    /**
     * Reads the gold pairs; malformed lines are errors naming file and line.
     *
     * @param file the gold pairs
     * @param format the layout of the file's lines
     * @return the pairs, in file order
     * @throws IOException when the file cannot be read, or naming file and line for a malformed line
     */
    public static List<Pair> readPairs(Path file, PairFormat format) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || (format == PairFormat.TSV && line.startsWith("#"))) {
                    continue;
                }
                String[] f = format == PairFormat.MEN ? line.strip().split("\\s+") : line.split("\t");
                int scoreColumn = format == PairFormat.SIMLEX_999 ? 3 : 2;
                if (lineNo == 1 && format != PairFormat.TSV && f.length > scoreColumn && f[0].equals("word1")) {
                    continue; // header line
                }
                if (f.length < scoreColumn + 1 || (format != PairFormat.SIMLEX_999 && f.length != 3)) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": expected " + (format
                            == PairFormat.SIMLEX_999 ? "at least 4 tab-separated fields" : "3 fields") + " for "
                            + format + ", found " + f.length);
                }
                double score;
                try {
                    score = Double.parseDouble(f[scoreColumn].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": field " + (scoreColumn + 1)
                            + " (score) is not a number: '" + f[scoreColumn] + "'");
                }
                if (!Double.isFinite(score)) {
                    throw new IllegalArgumentException(file + ":" + lineNo + ": field " + (scoreColumn + 1)
                            + " (score) is not finite: " + score);
                }
                pairs.add(new Pair(f[0].strip(), f[1].strip(), score));
            }
        }
        return pairs;
    }

    /**
     * Pearson correlation; NaN-free: 0 when a side is constant or fewer than 2 values.
     *
     * @param x the first values
     * @param y the second values, as many
     * @return the correlation, in [-1, 1]
     */
    public static double pearson(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 0;
        }
        double mx = Arrays.stream(x).average().orElse(0);
        double my = Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 0 : sxy / Math.sqrt(sxx * syy);
    }

    /**
     * Spearman correlation: Pearson of the average ranks.
     *
     * @param x the first values
     * @param y the second values, as many
     * @return the correlation, in [-1, 1]
     */
    public static double spearman(double[] x, double[] y) {
        return pearson(ranks(x), ranks(y));
    }

    static double[] ranks(double[] v) {
        int n = v.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double[] r = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = rank;
            }
            i = j + 1;
        }
        return r;
    }
}
