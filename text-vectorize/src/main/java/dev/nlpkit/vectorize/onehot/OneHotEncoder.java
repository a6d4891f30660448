package dev.nlpkit.vectorize.onehot;

import java.util.List;

import dev.nlpkit.vectorize.DocumentTransformer;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.DenseMatrix;
import dev.nlpkit.vectorize.matrix.SparseRow;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * One-hot encoding over a {@link Vocabulary} of {@code V} terms: term {@code t} becomes the vector
 * {@code e_id(t)} of {@code V} entries with a single 1 at {@code id(t)}; a document of {@code T} tokens becomes a
 * sparse {@code [T, V]} matrix (time x vocabulary), one row per token. Unknown tokens give all-zero rows (they
 * keep their time step) and are counted by {@link #unknownCount(List)}.
 *
 * <p><b>Why one-hot scales badly.</b> The dimension is the vocabulary size: 286,744 for the Sentiment140 tweets,
 * so one dense token vector takes 1.1 MB and a 20-token tweet 23 MB; the vectors are as sparse as possible (one
 * non-zero among {@code V}); and they carry no similarity: every two different words are orthogonal
 * ({@code e_king . e_queen = e_king . e_man = 0}, all at distance sqrt 2), so nothing learnt about one word
 * transfers to a related one. Dense embeddings (Word2Vec) fix all three; one-hot is the input they start from.
 *
 * <pre>{@code
 * OneHotEncoder encoder = OneHotEncoder.of(Vocabulary.of("man", "woman", "king", "queen"));
 * float[] king = encoder.dense("king");                 // [0, 0, 1, 0]
 * CsrMatrix steps = encoder.encode(List.of("king", "and", "queen"));   // [3, 4], row 1 all zero
 * }</pre>
 */
public final class OneHotEncoder implements DocumentTransformer<List<CsrMatrix>> {

    /** The largest dimension {@link #dense(String)} accepts (a 4 MB float array). */
    public static final int MAX_DENSE_DIMENSION = 1 << 20;

    private final Vocabulary vocabulary;

    private OneHotEncoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /**
     * An encoder over {@code vocabulary} (column {@code i} is {@code vocabulary.term(i)}).
     *
     * @param vocabulary the terms; its size is the vector dimension
     * @return the encoder
     */
    public static OneHotEncoder of(Vocabulary vocabulary) {
        if (vocabulary == null) {
            throw new IllegalArgumentException("vocabulary must not be null");
        }
        return new OneHotEncoder(vocabulary);
    }

    /**
     * The vector dimension {@code V}.
     *
     * @return the vocabulary size
     */
    public int dimension() {
        return vocabulary.size();
    }

    /**
     * The vocabulary: column {@code i} is {@code vocabulary().term(i)}.
     *
     * @return the vocabulary
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The one-hot vector of {@code token} as a sparse vector (one entry, or none when unknown).
     *
     * @param token a token
     * @return a vector of {@link #dimension()} with at most one entry, 1 at the token's id
     */
    public SparseRow encode(String token) {
        int id = vocabulary.indexOf(token);
        return id < 0 ? SparseRow.of(dimension(), new int[0], new float[0])
                : SparseRow.of(dimension(), new int[] {id}, new float[] {1f});
    }

    /**
     * The one-hot vector of {@code token} as a dense {@code float[V]} (all zeros when unknown).
     *
     * @param token a token
     * @return a fresh array of {@link #dimension()} values
     */
    public float[] dense(String token) {
        checkDense();
        float[] vector = new float[dimension()];
        int id = vocabulary.indexOf(token);
        if (id >= 0) {
            vector[id] = 1f;
        }
        return vector;
    }

    /**
     * The document as a sparse {@code [T, V]} matrix: row {@code t} is the one-hot vector of token {@code t}.
     *
     * @param document the document's tokens
     * @return one row per token, {@link #dimension()} columns
     */
    public CsrMatrix encode(List<String> document) {
        int[] pointers = new int[document.size() + 1];
        int[] columns = new int[document.size()];
        float[] values = new float[document.size()];
        int k = 0;
        for (int t = 0; t < document.size(); t++) {
            int id = vocabulary.indexOf(document.get(t));
            if (id >= 0) {
                columns[k] = id;
                values[k++] = 1f;
            }
            pointers[t + 1] = k;
        }
        return new CsrMatrix(document.size(), dimension(), pointers, columns, values);
    }

    /** Each document as a sparse time x vocabulary matrix. */
    @Override
    public List<CsrMatrix> transform(List<? extends List<String>> documents) {
        return documents.stream().map(this::encode).toList();
    }

    /**
     * The number of tokens of {@code document} that are not in the vocabulary (their rows are all zero).
     *
     * @param document the document's tokens
     * @return the number of unknown tokens, counting repeats
     */
    public int unknownCount(List<String> document) {
        int unknown = 0;
        for (String token : document) {
            if (vocabulary.indexOf(token) < 0) {
                unknown++;
            }
        }
        return unknown;
    }

    /**
     * The {@code [V, V]} table of every term's one-hot vector in id order: the identity matrix (the course's
     * table). For small vocabularies only.
     *
     * @return the identity matrix of size {@link #dimension()}
     * @throws IllegalStateException when {@code V > 4096}
     */
    public DenseMatrix table() {
        int v = dimension();
        if (v > 4096) {
            throw new IllegalStateException("a one-hot table of " + v + " terms has " + ((long) v * v)
                    + " cells; use encode(...) for sparse vectors");
        }
        float[] data = new float[v * v];
        for (int i = 0; i < v; i++) {
            data[i * v + i] = 1f;
        }
        return new DenseMatrix(v, v, data);
    }

    private void checkDense() {
        if (dimension() > MAX_DENSE_DIMENSION) {
            throw new IllegalStateException("a dense one-hot vector of " + dimension() + " entries is too large; use "
                    + "encode(token) for a sparse one");
        }
    }
}
