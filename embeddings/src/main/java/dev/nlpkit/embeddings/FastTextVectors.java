package dev.nlpkit.embeddings;

import java.util.List;

import dev.nlpkit.embeddings.vectors.ScoredWord;
import dev.nlpkit.embeddings.vectors.UnknownWordException;
import dev.nlpkit.embeddings.vectors.WordVectors;

/**
 * The query view of a {@link FastText} model (gensim 4's {@code FastTextKeyedVectors}): a vector for every word.
 *
 * <ul>
 *   <li>A vocabulary word's vector is the mean of its own row and its n-gram rows (gensim's
 *       {@code adjust_vectors}, Facebook's {@code getWordVector}).</li>
 *   <li>Any other word's vector is the mean of its n-gram rows ({@code get_vector} for an out-of-vocabulary
 *       word); a word too short to have any n-gram gets the zero vector, as gensim and fastText. Without
 *       n-grams ({@code maxN < minN}) an unknown word is an {@link UnknownWordException}.</li>
 * </ul>
 * Neighbour queries run over the vocabulary words through {@link #wordVectors()} (a {@link WordVectors}, so
 * analogy and similarity evaluation work unchanged); {@link #mostSimilar(String, int)} and
 * {@link #similarity} also accept unknown words. Immutable and thread-safe.
 */
public final class FastTextVectors {

    private final WordVectors words;
    private final float[] ngramData;
    private final int ngramOffset;
    private final int dimension;
    private final int minN;
    private final int maxN;
    private final int bucket;

    FastTextVectors(String[] vocabulary, float[] composed, float[] ngramData, int ngramOffset, int dimension,
            int minN, int maxN, int bucket) {
        this.words = WordVectors.of(vocabulary, composed, dimension);
        this.ngramData = ngramData;
        this.ngramOffset = ngramOffset;
        this.dimension = dimension;
        this.minN = minN;
        this.maxN = maxN;
        this.bucket = bucket;
    }

    /**
     * The vocabulary words' vectors as {@link WordVectors} (most similar, analogies, export).
     *
     * @return the vocabulary words' vectors
     */
    public WordVectors wordVectors() {
        return words;
    }

    /**
     * Vector dimension d.
     *
     * @return the dimension
     */
    public int dimension() {
        return dimension;
    }

    /**
     * Whether {@code word} is in the vocabulary (every word has a vector when n-grams are used).
     *
     * @param word any word
     * @return true when in the vocabulary
     */
    public boolean contains(String word) {
        return words.contains(word);
    }

    /**
     * The vector of any word (a copy).
     *
     * @param word any word
     * @return a fresh array of {@link #dimension()} values, made as the class comment says (a word without n-grams
     *         gets zeros)
     * @throws UnknownWordException when the word is not in the vocabulary and the model has no n-grams
     */
    public float[] vector(String word) {
        int i = words.indexOf(word);
        if (i >= 0) {
            return words.vectorAt(i);
        }
        if (bucket == 0) {
            throw new UnknownWordException(word, words.size());
        }
        float[] v = new float[dimension];
        int[] rows = CharNgrams.buckets(word, minN, maxN, bucket);
        if (rows.length == 0) {
            return v;
        }
        for (int row : rows) {
            int o = ngramOffset + row * dimension;
            for (int j = 0; j < dimension; j++) {
                v[j] += ngramData[o + j];
            }
        }
        for (int j = 0; j < dimension; j++) {
            v[j] /= rows.length;
        }
        return v;
    }

    /**
     * The character n-grams of {@code word} that make its vector, in fastText's order (repeats kept).
     *
     * @param word any word
     * @return the n-grams, with {@code <} and {@code >} marking the word's boundaries
     */
    public List<String> ngrams(String word) {
        return bucket == 0 ? List.of() : CharNgrams.ngrams(word, minN, maxN);
    }

    /**
     * Cosine similarity of two words, either of them possibly out of the vocabulary (0 for a zero vector).
     *
     * @param a a word
     * @param b another word
     * @return the cosine similarity, in [-1, 1]
     */
    public double similarity(String a, String b) {
        float[] x = vector(a);
        float[] y = vector(b);
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int j = 0; j < dimension; j++) {
            dot += (double) x[j] * y[j];
            nx += (double) x[j] * x[j];
            ny += (double) y[j] * y[j];
        }
        return nx == 0 || ny == 0 ? 0 : dot / Math.sqrt(nx * ny);
    }

    /**
     * The n vocabulary words nearest (cosine) to {@code word}, which need not be in the vocabulary (gensim's
     * {@code most_similar}); a vocabulary word excludes itself.
     *
     * @param word any word
     * @param n how many words, >= 0
     * @return at most {@code n} words with their similarity, most similar first
     */
    public List<ScoredWord> mostSimilar(String word, int n) {
        if (words.contains(word)) {
            return words.mostSimilar(word, n);
        }
        float[] v = vector(word);
        for (float x : v) {
            if (x != 0f) {
                return words.nearest(v, n);
            }
        }
        throw new IllegalArgumentException("'" + word + "' has no character n-gram of " + minN + ".." + maxN
                + " characters and is not in the vocabulary: its vector is zero, it has no neighbours");
    }

    @Override
    public String toString() {
        return "FastTextVectors[" + words.size() + " words + " + bucket + " n-gram buckets x " + dimension
                + ", n-grams " + minN + ".." + maxN + "]";
    }
}
