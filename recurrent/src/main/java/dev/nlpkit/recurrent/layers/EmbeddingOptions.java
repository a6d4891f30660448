package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of {@link Embedding}.
 *
 * @param vocabularySize number of rows (token ids {@code 0..vocabularySize-1}), >= 2 when {@code maskZero}
 * @param dimension      width of each vector, >= 1
 * @param pretrained     initial rows {@code [vocabularySize][dimension]} (e.g. Word2Vec vectors), or null for
 *                       uniform(-0.05, 0.05) random initialization; copied at build time
 * @param trainable      whether training updates the table (false: frozen pretrained vectors)
 * @param maskZero       whether id 0 is padding: its steps are masked for every later layer (Keras'
 *                       {@code mask_zero})
 */
public record EmbeddingOptions(int vocabularySize, int dimension, float[][] pretrained, boolean trainable,
                               boolean maskZero) implements LayerOptions {

    /** Validates, including the shape of {@code pretrained}. */
    public EmbeddingOptions {
        if (vocabularySize < 1 || dimension < 1) {
            throw new IllegalArgumentException("Embedding needs vocabularySize >= 1 and dimension >= 1, got "
                    + vocabularySize + " x " + dimension);
        }
        if (pretrained != null) {
            if (pretrained.length != vocabularySize) {
                throw new IllegalArgumentException("pretrained embedding has " + pretrained.length
                        + " rows, expected vocabularySize " + vocabularySize);
            }
            for (int r = 0; r < pretrained.length; r++) {
                if (pretrained[r] == null || pretrained[r].length != dimension) {
                    throw new IllegalArgumentException("pretrained embedding row " + r + " has "
                            + (pretrained[r] == null ? "no" : Integer.toString(pretrained[r].length))
                            + " values, expected dimension " + dimension);
                }
            }
        }
    }

    /**
     * A randomly initialized, trainable table with id 0 as masked padding.
     *
     * @param vocabularySize the number of ids V, >= 2 (id 0 is the masked padding)
     * @param dimension the vector width, >= 1
     * @return the options
     */
    public static EmbeddingOptions random(int vocabularySize, int dimension) {
        return new EmbeddingOptions(vocabularySize, dimension, null, true, true);
    }

    /**
     * A table initialized from {@code vectors} (rows = ids), trainable, id 0 masked.
     *
     * @param vectors one row per id, all of the same width (row 0 is the padding id)
     * @return the options
     */
    public static EmbeddingOptions pretrained(float[][] vectors) {
        if (vectors == null || vectors.length == 0) {
            throw new IllegalArgumentException("pretrained vectors must not be empty");
        }
        return new EmbeddingOptions(vectors.length, vectors[0].length, vectors, true, true);
    }

    /**
     * A copy that is (not) updated by training.
     *
     * @param t true to train the table, false to keep it frozen
     * @return a copy with {@code trainable} replaced
     */
    public EmbeddingOptions withTrainable(boolean t) {
        return new EmbeddingOptions(vocabularySize, dimension, pretrained, t, maskZero);
    }

    /**
     * A copy with or without padding masking of id 0.
     *
     * @param m true to mask id 0 as padding
     * @return a copy with {@code maskZero} replaced
     */
    public EmbeddingOptions withMaskZero(boolean m) {
        return new EmbeddingOptions(vocabularySize, dimension, pretrained, trainable, m);
    }

    @Override
    public Layer build(Shape input, Precision precision, long seed) {
        return new Embedding(this, input, precision, seed);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EmbeddingOptions e && e.vocabularySize == vocabularySize && e.dimension == dimension
                && java.util.Arrays.deepEquals(e.pretrained, pretrained) && e.trainable == trainable
                && e.maskZero == maskZero;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(vocabularySize, dimension, trainable, maskZero);
    }

    @Override
    public String toString() {
        return "EmbeddingOptions[vocabularySize=" + vocabularySize + ", dimension=" + dimension + ", pretrained="
                + (pretrained != null) + ", trainable=" + trainable + ", maskZero=" + maskZero + "]";
    }
}
