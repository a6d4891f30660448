package dev.nlpkit.embeddings;

/**
 * Estimated heap use of training, in bytes (as gensim's {@code estimate_memory}).
 *
 * @param vocabulary     words, counts, hash index, Huffman codes and points
 * @param inputVectors   the input (word) vectors, {@code V*d} floats
 * @param outputWeights  hierarchical-softmax and/or negative-sampling output weights, {@code V*d} floats each
 * @param samplingTables the unigram (alias) table for negative sampling and the subsampling probabilities
 * @param workerBuffers  per-worker scratch vectors and sentence buffers
 */
public record MemoryEstimate(long vocabulary, long inputVectors, long outputWeights, long samplingTables,
        long workerBuffers) {

    /**
     * The sum of the parts.
     *
     * @return the total, in bytes
     */
    public long total() {
        return vocabulary + inputVectors + outputWeights + samplingTables + workerBuffers;
    }
}
