package dev.nlpkit.embeddings.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * The initial weights of an embedding layer for a given token list (for example a text-vectorize vocabulary
 * whose index 0 is PAD and index 1 is UNK): row i of the {@code float[V][d]} result is the vector of
 * {@code tokens.get(i)}, in that order.
 *
 * <ul>
 *   <li>The PAD token ({@link Options#padToken()}, default {@code "<pad>"}) gets a zero row.</li>
 *   <li>The UNK token ({@link Options#unkToken()}, default {@code "<unk>"}) and every token without a vector
 *       get a row by the {@link OovPolicy}; tokens without a vector (UNK and PAD not included) are counted
 *       and listed as out-of-vocabulary.</li>
 * </ul>
 *
 * <pre>{@code
 * EmbeddingMatrix.Result r = EmbeddingMatrix.build(wv, List.of("<pad>", "<unk>", "good", "bad"),
 *         EmbeddingMatrix.Options.defaults().withOovPolicy(OovPolicy.RANDOM).withSeed(7));
 * float[][] weights = r.matrix();   // [4][d]
 * }</pre>
 */
public final class EmbeddingMatrix {

    /** The row given to a token without a vector. */
    public enum OovPolicy {
        /** All zeros. */
        ZEROS,
        /**
         * Uniform in [-a, a] from the seed, with a = sqrt(3) * (standard deviation of all known components), so
         * the rows have the same spread as the trained ones; rows are drawn in token order.
         */
        RANDOM,
        /** The mean of all vectors of the {@link WordVectors}. */
        MEAN
    }

    /**
     * How {@link #build} fills the rows.
     *
     * @param oovPolicy row for tokens without a vector (and for UNK)
     * @param seed      seed of {@link OovPolicy#RANDOM}
     * @param padToken  token given a zero row (null = none)
     * @param unkToken  token given an OOV row without being counted (null = none)
     */
    public record Options(OovPolicy oovPolicy, long seed, String padToken, String unkToken) {
        /**
         * Checks that an out-of-vocabulary policy is given.
         *
         * @throws NullPointerException when {@code oovPolicy} is null
         */
        public Options {
            Objects.requireNonNull(oovPolicy, "oovPolicy");
        }

        /**
         * ZEROS, seed 0, "&lt;pad&gt;", "&lt;unk&gt;".
         *
         * @return the default options
         */
        public static Options defaults() {
            return new Options(OovPolicy.ZEROS, 0L, "<pad>", "<unk>");
        }

        /**
         * With another out-of-vocabulary policy.
         *
         * @param v the row for tokens without a vector
         * @return a copy with {@code oovPolicy} replaced
         */
        public Options withOovPolicy(OovPolicy v) {
            return new Options(v, seed, padToken, unkToken);
        }

        /**
         * With another seed.
         *
         * @param v the seed of {@link OovPolicy#RANDOM}
         * @return a copy with {@code seed} replaced
         */
        public Options withSeed(long v) {
            return new Options(oovPolicy, v, padToken, unkToken);
        }

        /**
         * With another padding token.
         *
         * @param v the token given a zero row, or null for none
         * @return a copy with {@code padToken} replaced
         */
        public Options withPadToken(String v) {
            return new Options(oovPolicy, seed, v, unkToken);
        }

        /**
         * With another unknown-word token.
         *
         * @param v the token given an out-of-vocabulary row without being counted, or null for none
         * @return a copy with {@code unkToken} replaced
         */
        public Options withUnkToken(String v) {
            return new Options(oovPolicy, seed, padToken, v);
        }
    }

    /**
     * The embedding matrix and the tokens that had no vector.
     *
     * @param matrix    {@code float[tokens.size()][d]}
     * @param oovCount  tokens without a vector (PAD and UNK not counted)
     * @param oovTokens those tokens, in order
     */
    public record Result(float[][] matrix, int oovCount, List<String> oovTokens) {
    }

    private EmbeddingMatrix() {
    }

    /**
     * The embedding matrix of {@code tokens}: row {@code i} is the vector of {@code tokens.get(i)}, or the row the
     * options give a padding, unknown or out-of-vocabulary token (Keras' {@code Embedding(weights=[matrix])}).
     *
     * @param vectors the trained vectors
     * @param tokens the tokens, in id order (for example a sequence encoder's vocabulary)
     * @param options the rows of tokens without a vector
     * @return the matrix and the out-of-vocabulary tokens
     */
    public static Result build(WordVectors vectors, List<String> tokens, Options options) {
        int d = vectors.dimension();
        float[][] matrix = new float[tokens.size()][];
        float[] mean = null;
        float bound = 0;
        if (options.oovPolicy() == OovPolicy.MEAN || options.oovPolicy() == OovPolicy.RANDOM) {
            float[] flat = vectors.toFlatArray();
            double[] sum = new double[d];
            double sumSq = 0;
            int n = vectors.size();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    double x = flat[i * d + j];
                    sum[j] += x;
                    sumSq += x * x;
                }
            }
            mean = new float[d];
            double total = 0;
            for (int j = 0; j < d; j++) {
                mean[j] = n == 0 ? 0f : (float) (sum[j] / n);
                total += sum[j];
            }
            long cells = (long) n * d;
            double avg = cells == 0 ? 0 : total / cells;
            double variance = cells == 0 ? 0 : Math.max(0, sumSq / cells - avg * avg);
            bound = (float) (Math.sqrt(3 * variance));
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        List<String> oov = new ArrayList<>();
        for (int i = 0; i < matrix.length; i++) {
            String token = tokens.get(i);
            if (token == null) {
                throw new IllegalArgumentException("token index " + i + " is null");
            }
            if (token.equals(options.padToken())) {
                matrix[i] = new float[d];
                continue;
            }
            var vector = vectors.vector(token);
            if (vector.isPresent()) {
                matrix[i] = vector.get();
                continue;
            }
            if (!token.equals(options.unkToken())) {
                oov.add(token);
            }
            matrix[i] = switch (options.oovPolicy()) {
                case ZEROS -> new float[d];
                case MEAN -> mean.clone();
                case RANDOM -> {
                    float[] row = new float[d];
                    for (int j = 0; j < d; j++) {
                        row[j] = (float) ((random.nextDouble() * 2 - 1) * bound);
                    }
                    yield row;
                }
            };
        }
        return new Result(matrix, oov.size(), List.copyOf(oov));
    }
}
