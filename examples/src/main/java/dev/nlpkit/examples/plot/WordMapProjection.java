package dev.nlpkit.examples.plot;

import java.util.Objects;

import smile.feature.extraction.PCA;
import smile.manifold.TSNE;
import smile.math.MathEx;

/**
 * Projects word vectors to 2-D for {@link Charts#writeWordMap}, with Smile: principal component analysis (the
 * default: deterministic, fast) or t-SNE (better separated clusters, slower: O(n^2) per iteration, so keep n to a
 * few hundred words).
 *
 * <p>Smile's t-SNE draws its initial layout from Smile's own process-wide generator ({@code MathEx}), not from a
 * per-call one; {@link #project} seeds that generator with the given seed right before fitting, so one-threaded
 * runs are reproducible, but concurrent Smile users in the same JVM could interleave draws.
 */
public final class WordMapProjection {

    /** How to reduce to 2-D. */
    public enum Method {
        PCA, TSNE
    }

    private WordMapProjection() {
    }

    /**
     * @param vectors {@code [n][d]} word vectors, n >= 3 and d >= 2
     * @return {@code [n][2]} coordinates
     */
    public static double[][] project(float[][] vectors, Method method, long seed) {
        Objects.requireNonNull(method, "method");
        if (vectors.length < 3) {
            throw new IllegalArgumentException("a word map needs at least 3 words, got " + vectors.length);
        }
        int d = vectors[0].length;
        if (d < 2) {
            throw new IllegalArgumentException("word vectors need at least 2 dimensions, got " + d);
        }
        double[][] x = new double[vectors.length][d];
        for (int i = 0; i < vectors.length; i++) {
            if (vectors[i].length != d) {
                throw new IllegalArgumentException("vector " + i + " has " + vectors[i].length + " dimensions, expected "
                        + d);
            }
            for (int j = 0; j < d; j++) {
                x[i][j] = vectors[i][j];
            }
        }
        return switch (method) {
            case PCA -> PCA.fit(x).getProjection(2).apply(x);
            case TSNE -> {
                MathEx.setSeed(seed);
                double perplexity = Math.min(30.0, (vectors.length - 1) / 3.0);
                // Smile's TSNE.fit takes a square matrix as squared distances, so n words of n dimensions would be
                // misread; passing the squared distances always is unambiguous.
                // learning rate as scikit-learn's "auto": max(n / exaggeration / 4, 50); 200 scatters small maps
                double learningRate = Math.max(vectors.length / 12.0 / 4.0, 50.0);
                yield TSNE.fit(squaredDistances(x), new TSNE.Options(2, perplexity, learningRate, 12.0, 1000))
                        .coordinates();
            }
        };
    }

    /** {@code d[i][k] = |x_i - x_k|^2}. */
    private static double[][] squaredDistances(double[][] x) {
        double[][] d = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = i + 1; k < x.length; k++) {
                double sum = 0;
                for (int j = 0; j < x[i].length; j++) {
                    double diff = x[i][j] - x[k][j];
                    sum += diff * diff;
                }
                d[i][k] = sum;
                d[k][i] = sum;
            }
        }
        return d;
    }
}
