package dev.nlpkit.embeddings.vectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.nlpkit.embeddings.WordIndex;

/**
 * Word vectors and the queries on them (gensim's {@code KeyedVectors}): V words, most frequent first, each with
 * a d-dimensional vector stored flat row-major ({@code float[V*d]}). Immutable and thread-safe; the unit
 * (L2-normalised) vectors are computed once, at construction (a zero vector stays zero).
 *
 * <p>Similarities are cosines {@code cos(a,b) = a.b / (|a| |b|)}. {@link #mostSimilar(List, List, int)} is
 * 3CosAdd: with unit vectors, rank every word x by {@code cos(x, unit(sum_p p - sum_n n))}, so
 * {@code mostSimilar([king, woman], [man])} finds queen on good vectors. {@link #mostSimilarCosMul} is Levy and
 * Goldberg's 3CosMul: {@code prod_p c(x,p) / (prod_n c(x,n) + 1e-6)} with {@code c = (1 + cos)/2}. Query words
 * never appear in their own results. Top-n uses partial selection (a size-n heap), not a full sort.
 *
 * <p>Unknown words: {@link #vector} and {@link #indexOf} report absence ({@code Optional.empty()}, -1); the
 * other queries throw {@link UnknownWordException}, except {@link #doesntMatch}, which skips them (as gensim).
 * {@link #restrictToMostFrequent(int)} gives a view in which only the first N words exist (gensim's
 * {@code restrict_vocab}).
 */
public final class WordVectors {

    private final String[] words;
    private final float[] vectors;
    private final float[] unit;
    private final int dimension;
    private final int limit;
    private final WordIndex index;

    private WordVectors(String[] words, float[] vectors, float[] unit, int dimension, int limit,
            WordIndex index) {
        this.words = words;
        this.vectors = vectors;
        this.unit = unit;
        this.dimension = dimension;
        this.limit = limit;
        this.index = index;
    }

    /**
     * Word vectors from flat row-major data (copied): row i of {@code rowMajor} ({@code [i*d, (i+1)*d)}) is the
     * vector of {@code words[i]}.
     *
     * @throws IllegalArgumentException on duplicate or null words, a length mismatch, or a non-finite value
     *                                  (the message names the word index)
     *
     * @param words     the words, row order (distinct, non-null)
     * @param rowMajor  {@code words.length * dimension} values, row i is the vector of {@code words[i]}
     * @param dimension the vector dimension d
     * @return the view (the data is copied)
     */
    public static WordVectors of(String[] words, float[] rowMajor, int dimension) {
        Objects.requireNonNull(words, "words");
        String[] w = words.clone();
        return of(w, rowMajor, dimension, new WordIndex(w));
    }

    /**
     * Word vectors from flat row-major data (copied) that use an existing index of the same words instead of
     * building their own (a trained {@code Word2Vec} shares its vocabulary's index with its view this way).
     *
     * @param words     the words, row order
     * @param rowMajor  {@code words.length * dimension} values, row i is the vector of {@code words[i]}
     * @param dimension the vector dimension d
     * @param index     an index in which {@code words[i]} has index i, for every i
     * @return the view
     * @throws IllegalArgumentException when the index does not match the words, on a length mismatch, or on a
     *                                  non-finite value (the message names the word index)
     */
    public static WordVectors of(String[] words, float[] rowMajor, int dimension, WordIndex index) {
        Objects.requireNonNull(words, "words");
        Objects.requireNonNull(rowMajor, "rowMajor");
        Objects.requireNonNull(index, "index");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if ((long) words.length * dimension != rowMajor.length) {
            throw new IllegalArgumentException("expected " + words.length + " x " + dimension + " = "
                    + (long) words.length * dimension + " values, got " + rowMajor.length);
        }
        if (index.size() != words.length) {
            throw new IllegalArgumentException("the index holds " + index.size() + " words, expected "
                    + words.length);
        }
        String[] w = words.clone();
        for (int i = 0; i < w.length; i++) {
            if (w[i] == null || index.indexOf(w[i]) != i) {
                throw new IllegalArgumentException("word index " + i + " ('" + w[i] + "') has index "
                        + (w[i] == null ? "none" : index.indexOf(w[i])) + " in the given index");
            }
        }
        float[] v = rowMajor.clone();
        float[] unit = new float[v.length];
        for (int i = 0; i < w.length; i++) {
            int off = i * dimension;
            double sq = 0;
            for (int j = 0; j < dimension; j++) {
                float x = v[off + j];
                if (!Float.isFinite(x)) {
                    throw new IllegalArgumentException("word index " + i + " ('" + w[i] + "'): component " + j
                            + " is " + x + " (vectors must be finite)");
                }
                sq += (double) x * x;
            }
            if (sq > 0) {
                float inv = (float) (1.0 / Math.sqrt(sq));
                for (int j = 0; j < dimension; j++) {
                    unit[off + j] = v[off + j] * inv;
                }
            }
        }
        return new WordVectors(w, v, unit, dimension, w.length, index);
    }

    /**
     * Word vectors from one {@code float[d]} row per word (copied).
     *
     * @param words the words, row order (distinct, non-null)
     * @param rows  one vector per word, all of the same length
     * @return the view (the data is copied)
     */
    public static WordVectors of(List<String> words, float[][] rows) {
        if (words.size() != rows.length) {
            throw new IllegalArgumentException(words.size() + " words but " + rows.length + " vectors");
        }
        int d = rows.length == 0 ? 1 : rows[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != d) {
                throw new IllegalArgumentException("word index " + i + ": vector has " + rows[i].length
                        + " components, expected " + d);
            }
            System.arraycopy(rows[i], 0, flat, i * d, d);
        }
        return of(words.toArray(String[]::new), flat, d);
    }

    /**
     * A view in which only the {@code n} most frequent words exist (the first n rows); shares the data.
     *
     * @param n the number of rows kept visible (more than {@link #size()} keeps all)
     * @return the restricted view
     */
    public WordVectors restrictToMostFrequent(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        return new WordVectors(words, vectors, unit, dimension, Math.min(n, limit), index);
    }

    /**
     * Number of words (after any restriction).
     *
     * @return the number of visible words
     */
    public int size() {
        return limit;
    }

    /**
     * Vector dimension d.
     *
     * @return the number of components of each vector
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The word of row {@code i}.
     *
     * @param i a row index in {@code [0, size())}
     * @return the word of that row
     */
    public String word(int i) {
        Objects.checkIndex(i, limit);
        return words[i];
    }

    /**
     * The words, row order (most frequent first).
     *
     * @return an unmodifiable list of the visible words
     */
    public List<String> words() {
        return List.of(words).subList(0, limit);
    }

    /**
     * The row of {@code word}, or -1 when unknown.
     *
     * @param word a word
     * @return its row, or -1
     */
    public int indexOf(String word) {
        int i = index.indexOf(word);
        return i >= limit ? -1 : i;
    }

    /**
     * Whether {@code word} has a vector in this view.
     *
     * @param word a word
     * @return whether it is a visible word
     */
    public boolean contains(String word) {
        return indexOf(word) >= 0;
    }

    /**
     * A copy of the vector of {@code word}, or empty when unknown.
     *
     * @param word a word
     * @return a copy of its vector, or empty
     */
    public Optional<float[]> vector(String word) {
        int i = indexOf(word);
        return i < 0 ? Optional.empty() : Optional.of(row(vectors, i));
    }

    /**
     * A copy of the unit vector of {@code word}, or empty when unknown.
     *
     * @param word a word
     * @return a copy of its L2-normalised vector, or empty
     */
    public Optional<float[]> unitVector(String word) {
        int i = indexOf(word);
        return i < 0 ? Optional.empty() : Optional.of(row(unit, i));
    }

    /**
     * A copy of row {@code i} of the raw vectors.
     *
     * @param i a row index in {@code [0, size())}
     * @return a copy of that row
     */
    public float[] vectorAt(int i) {
        Objects.checkIndex(i, limit);
        return row(vectors, i);
    }

    /**
     * A copy of the flat row-major raw vectors of the visible rows ({@code float[size*d]}).
     *
     * @return a new array of {@code size() * dimension()} values
     */
    public float[] toFlatArray() {
        float[] out = new float[limit * dimension];
        System.arraycopy(vectors, 0, out, 0, out.length);
        return out;
    }

    private float[] row(float[] data, int i) {
        float[] out = new float[dimension];
        System.arraycopy(data, i * dimension, out, 0, dimension);
        return out;
    }

    private int require(String word) {
        int i = indexOf(word);
        if (i < 0) {
            throw new UnknownWordException(word, limit);
        }
        return i;
    }

    /**
     * Cosine similarity of two words.
     *
     * @param a a word
     * @param b another word
     * @return {@code cos(a, b)} in [-1, 1]
     * @throws UnknownWordException when a word is not in the (restricted) vocabulary
     */
    public double similarity(String a, String b) {
        return dotUnit(require(a), unit, require(b) * dimension);
    }

    /**
     * The n words most similar to {@code word} (cosine), the word itself excluded.
     *
     * @param word the query word
     * @param n    the number of results
     * @return up to n words, most similar first
     * @throws UnknownWordException when a word is not in the (restricted) vocabulary
     */
    public List<ScoredWord> mostSimilar(String word, int n) {
        return mostSimilar(List.of(word), List.of(), n);
    }

    /**
     * 3CosAdd: the n words nearest to {@code unit(sum unit(positive) - sum unit(negative))}.
     *
     * @param positive words added (e.g. king, woman)
     * @param negative words subtracted (e.g. man)
     * @param n        the number of results
     * @return up to n words, best first, query words excluded
     * @throws UnknownWordException when a word is not in the (restricted) vocabulary
     */
    public List<ScoredWord> mostSimilar(List<String> positive, List<String> negative, int n) {
        return mostSimilar(indices(positive), indices(negative), n);
    }

    /**
     * 3CosAdd by row indices (for evaluation); input rows are excluded from the results.
     *
     * @param positive rows added
     * @param negative rows subtracted
     * @param n        the number of results
     * @return up to n words, best first, input rows excluded
     */
    public List<ScoredWord> mostSimilar(int[] positive, int[] negative, int n) {
        if (positive.length + negative.length == 0) {
            throw new IllegalArgumentException("mostSimilar needs at least one positive or negative word");
        }
        float[] mean = new float[dimension];
        for (int p : positive) {
            checkRow(p);
            addRow(mean, p, 1f);
        }
        for (int q : negative) {
            checkRow(q);
            addRow(mean, q, -1f);
        }
        float count = positive.length + negative.length;
        for (int j = 0; j < dimension; j++) {
            mean[j] /= count;
        }
        normalize(mean);
        return nearestExcluding(mean, n, concat(positive, negative));
    }

    /**
     * The n words nearest to {@code vector} (cosine), none excluded.
     *
     * @param vector a query vector of {@link #dimension()} components
     * @param n      the number of results
     * @return up to n words, nearest first
     */
    public List<ScoredWord> nearest(float[] vector, int n) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of length " + dimension + ", got " + vector.length);
        }
        float[] q = vector.clone();
        for (float x : q) {
            if (!Float.isFinite(x)) {
                throw new IllegalArgumentException("query vector has a non-finite component: " + x);
            }
        }
        normalize(q);
        return nearestExcluding(q, n, new int[0]);
    }

    /**
     * 3CosMul (Levy and Goldberg 2014): {@code prod_p c(x,p) / (prod_n c(x,n) + 1e-6)}, c = (1 + cos)/2.
     *
     * @param positive words whose similarity is multiplied in
     * @param negative words whose similarity divides
     * @param n        the number of results
     * @return up to n words, best first, query words excluded
     * @throws UnknownWordException when a word is not in the (restricted) vocabulary
     */
    public List<ScoredWord> mostSimilarCosMul(List<String> positive, List<String> negative, int n) {
        int[] pos = indices(positive);
        int[] neg = indices(negative);
        if (pos.length + neg.length == 0) {
            throw new IllegalArgumentException("mostSimilarCosMul needs at least one positive or negative word");
        }
        int[] exclude = concat(pos, neg);
        TopK top = new TopK(Math.max(0, Math.min(n, limit)));
        for (int i = 0; i < limit; i++) {
            if (contains(exclude, i)) {
                continue;
            }
            double num = 1;
            for (int p : pos) {
                num *= (1 + dotUnit(i, unit, p * dimension)) / 2;
            }
            double den = 1;
            for (int q : neg) {
                den *= (1 + dotUnit(i, unit, q * dimension)) / 2;
            }
            top.offer(i, num / (den + 1e-6));
        }
        return top.drain(words);
    }

    /**
     * The word least like the others: lowest cosine to the normalised mean of the unit vectors.
     *
     * @param candidates the words to compare (unknown ones are skipped)
     * @return the odd one out
     */
    public String doesntMatch(List<String> candidates) {
        List<Integer> used = new ArrayList<>();
        for (String w : candidates) {
            int i = indexOf(w);
            if (i >= 0) {
                used.add(i);
            }
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("doesntMatch: none of " + candidates + " is in the vocabulary");
        }
        float[] mean = new float[dimension];
        for (int i : used) {
            addRow(mean, i, 1f);
        }
        for (int j = 0; j < dimension; j++) {
            mean[j] /= used.size();
        }
        normalize(mean);
        String worst = null;
        double worstScore = Double.POSITIVE_INFINITY;
        for (int i : used) {
            double s = dotUnit(i, mean, 0);
            if (s < worstScore || (s == worstScore && words[i].compareTo(worst) < 0)) {
                worst = words[i];
                worstScore = s;
            }
        }
        return worst;
    }

    private List<ScoredWord> nearestExcluding(float[] query, int n, int[] exclude) {
        TopK top = new TopK(Math.max(0, Math.min(n, limit)));
        for (int i = 0; i < limit; i++) {
            if (exclude.length > 0 && contains(exclude, i)) {
                continue;
            }
            top.offer(i, dotUnit(i, query, 0));
        }
        return top.drain(words);
    }

    private static boolean contains(int[] values, int v) {
        for (int x : values) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private int[] indices(List<String> ws) {
        int[] out = new int[ws.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = require(ws.get(k));
        }
        return out;
    }

    private void checkRow(int i) {
        if (i < 0 || i >= limit) {
            throw new IndexOutOfBoundsException("row " + i + " outside [0, " + limit + ")");
        }
    }

    private void addRow(float[] acc, int i, float weight) {
        int off = i * dimension;
        for (int j = 0; j < dimension; j++) {
            acc[j] += weight * unit[off + j];
        }
    }

    private static void normalize(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        if (sq > 0) {
            float inv = (float) (1.0 / Math.sqrt(sq));
            for (int j = 0; j < v.length; j++) {
                v[j] *= inv;
            }
        }
    }

    /** Unit row i dotted with {@code other[off .. off+d)}, four float partial sums. */
    private double dotUnit(int i, float[] other, int off) {
        int a = i * dimension;
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int j = 0;
        for (; j + 3 < dimension; j += 4) {
            s0 += unit[a + j] * other[off + j];
            s1 += unit[a + j + 1] * other[off + j + 1];
            s2 += unit[a + j + 2] * other[off + j + 2];
            s3 += unit[a + j + 3] * other[off + j + 3];
        }
        for (; j < dimension; j++) {
            s0 += unit[a + j] * other[off + j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public String toString() {
        return "WordVectors[" + limit + " words x " + dimension
                + (limit < words.length ? ", restricted from " + words.length : "") + "]";
    }
}
