package dev.nlpkit.examples.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import dev.nlpkit.recurrent.layers.Embedding;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * Nearest words in a classifier's embedding: cosine similarity between rows of the network's Embedding layer
 * (the rows are indexed by the classifier's vocabulary). The rows are normalised once; a query is one pass over
 * the table. Reserved rows ({@code <pad>}, {@code <unk>}) and all-zero rows are never answered.
 */
final class Neighbours {

    /** One neighbour. */
    record Neighbour(String word, double similarity) {
    }

    private final Vocabulary vocabulary;
    private final float[] unit;
    private final int dimensions;

    private Neighbours(Vocabulary vocabulary, float[] unit, int dimensions) {
        this.vocabulary = vocabulary;
        this.unit = unit;
        this.dimensions = dimensions;
    }

    /** The neighbours over the first Embedding layer of {@code network}, whose rows follow {@code vocabulary}. */
    static Neighbours of(Sequential network, Vocabulary vocabulary) {
        Embedding embedding = null;
        for (Layer layer : network.layers()) {
            if (layer instanceof Embedding e) {
                embedding = e;
                break;
            }
        }
        if (embedding == null) {
            throw new IllegalArgumentException("the model's network has no Embedding layer");
        }
        float[] table = embedding.table().value().toFloatArray();
        int rows = embedding.table().value().dim(0);
        int dims = embedding.table().value().dim(1);
        if (rows != vocabulary.size()) {
            throw new IllegalArgumentException("the embedding has " + rows + " rows but the vocabulary "
                    + vocabulary.size() + " words");
        }
        for (int r = 0; r < rows; r++) {
            double norm = 0;
            for (int d = 0; d < dims; d++) {
                norm += (double) table[r * dims + d] * table[r * dims + d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dims; d++) {
                table[r * dims + d] *= scale;
            }
        }
        return new Neighbours(vocabulary, table, dims);
    }

    int rows() {
        return vocabulary.size();
    }

    int dimensions() {
        return dimensions;
    }

    /** Whether {@code word} has a row with a direction (known, not reserved, not all zero). */
    boolean has(String word) {
        int id = vocabulary.indexOf(word);
        return id >= vocabulary.reservedCount() && norm(id) > 0;
    }

    /** The {@code k} words most similar to {@code word} (which must satisfy {@link #has}), most similar first. */
    List<Neighbour> nearest(String word, int k) {
        int query = vocabulary.indexOf(word);
        PriorityQueue<double[]> best = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0]));
        int base = query * dimensions;
        for (int r = vocabulary.reservedCount(); r < vocabulary.size(); r++) {
            if (r == query) {
                continue;
            }
            double dot = 0;
            int row = r * dimensions;
            for (int d = 0; d < dimensions; d++) {
                dot += (double) unit[base + d] * unit[row + d];
            }
            if (dot == 0 && norm(r) == 0) {
                continue;
            }
            if (best.size() < k) {
                best.add(new double[] {dot, r});
            } else if (dot > best.peek()[0]) {
                best.poll();
                best.add(new double[] {dot, r});
            }
        }
        List<Neighbour> out = new ArrayList<>(best.size());
        while (!best.isEmpty()) {
            double[] e = best.poll();
            out.add(new Neighbour(vocabulary.term((int) e[1]), e[0]));
        }
        return out.reversed();
    }

    private double norm(int id) {
        double sum = 0;
        for (int d = 0; d < dimensions; d++) {
            sum += (double) unit[id * dimensions + d] * unit[id * dimensions + d];
        }
        return sum;
    }
}
