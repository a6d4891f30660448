package dev.nlpkit.embeddings;

/**
 * The Huffman tree of hierarchical softmax, built as word2vec.c's {@code CreateBinaryTree} does (two
 * pointers over the count-sorted vocabulary, O(V)). For word w, {@code codes} holds its root-to-leaf bits and
 * {@code points} the indices of the inner nodes on the path (rows of the output weights {@code syn1}, 0 to
 * V-2), both flattened with offsets {@code offsets[w] .. offsets[w+1]}.
 */
final class HuffmanTree {

    final byte[] codes;
    final int[] points;
    final int[] offsets;

    private HuffmanTree(byte[] codes, int[] points, int[] offsets) {
        this.codes = codes;
        this.points = points;
        this.offsets = offsets;
    }

    /** @param counts word counts in descending order; at least two words */
    static HuffmanTree build(long[] counts) {
        int v = counts.length;
        if (v < 2) {
            throw new IllegalArgumentException("hierarchicalSoftmax needs a vocabulary of at least 2 words, got "
                    + v + "; lower minCount or use negative sampling only");
        }
        long[] count = new long[2 * v - 1];
        int[] parent = new int[2 * v - 1];
        byte[] binary = new byte[2 * v - 1];
        System.arraycopy(counts, 0, count, 0, v);
        for (int a = v; a < 2 * v - 1; a++) {
            count[a] = Long.MAX_VALUE / 4;
        }
        int pos1 = v - 1;
        int pos2 = v;
        for (int a = 0; a < v - 1; a++) {
            int min1;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min1 = pos1--;
            } else {
                min1 = pos2++;
            }
            int min2;
            if (pos1 >= 0 && count[pos1] < count[pos2]) {
                min2 = pos1--;
            } else {
                min2 = pos2++;
            }
            count[v + a] = count[min1] + count[min2];
            parent[min1] = v + a;
            parent[min2] = v + a;
            binary[min2] = 1;
        }
        int root = 2 * v - 2;
        int[] offsets = new int[v + 1];
        for (int w = 0; w < v; w++) {
            int length = 0;
            for (int b = w; b != root; b = parent[b]) {
                length++;
            }
            offsets[w + 1] = offsets[w] + length;
        }
        byte[] codes = new byte[offsets[v]];
        int[] points = new int[offsets[v]];
        for (int w = 0; w < v; w++) {
            int end = offsets[w + 1];
            int length = end - offsets[w];
            int i = 0;
            // Walk leaf to root; store reversed so index 0 is the step below the root.
            for (int b = w; b != root; b = parent[b]) {
                codes[offsets[w] + length - 1 - i] = binary[b];
                i++;
            }
            // points: the inner nodes from the root down, as syn1 rows (node index - v).
            points[offsets[w]] = root - v;
            i = 0;
            for (int b = parent[w]; b != root; b = parent[b]) {
                points[offsets[w] + length - 1 - i] = b - v;
                i++;
            }
        }
        return new HuffmanTree(codes, points, offsets);
    }

    long estimatedBytes() {
        return codes.length + 4L * points.length + 4L * offsets.length;
    }
}
