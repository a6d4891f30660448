package dev.nlpkit.embeddings.vectors;

import java.util.ArrayList;
import java.util.List;

/**
 * The k best (index, score) pairs of a stream, by partial selection: a size-k min-heap, O(n log k). Ties are
 * broken towards the lower index (the more frequent word), as a stable descending sort would.
 */
final class TopK {

    private final int[] indices;
    private final double[] scores;
    private int size;

    TopK(int k) {
        indices = new int[k];
        scores = new double[k];
    }

    /** true when (s1, i1) ranks below (s2, i2). */
    private static boolean worse(double s1, int i1, double s2, int i2) {
        return s1 < s2 || (s1 == s2 && i1 > i2);
    }

    void offer(int index, double score) {
        int k = indices.length;
        if (k == 0) {
            return;
        }
        if (size < k) {
            int i = size++;
            indices[i] = index;
            scores[i] = score;
            siftUp(i);
        } else if (worse(scores[0], indices[0], score, index)) {
            indices[0] = index;
            scores[0] = score;
            siftDown(0);
        }
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (worse(scores[i], indices[i], scores[parent], indices[parent])) {
                swap(i, parent);
                i = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int smallest = left;
            int right = left + 1;
            if (right < size && worse(scores[right], indices[right], scores[left], indices[left])) {
                smallest = right;
            }
            if (worse(scores[smallest], indices[smallest], scores[i], indices[i])) {
                swap(i, smallest);
                i = smallest;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int ti = indices[a];
        indices[a] = indices[b];
        indices[b] = ti;
        double ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }

    /** The kept pairs, best first. */
    List<ScoredWord> drain(String[] words) {
        ScoredWord[] out = new ScoredWord[size];
        while (size > 0) {
            int last = --size;
            out[last] = new ScoredWord(words[indices[0]], indices[0], scores[0]);
            swap(0, last);
            siftDown(0);
        }
        return new ArrayList<>(List.of(out));
    }
}
