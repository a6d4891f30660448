package dev.nlpkit.embeddings;

/**
 * How the training threads update the shared weights.
 *
 * <p>{@link #HOGWILD} is word2vec.c's algorithm, step for step. {@link #HOGBATCH} is the minibatched variant of
 * Ji et al., "Parallelizing Word2Vec in Shared and Distributed Memory" (arXiv 1604.04661, Intel's pWord2Vec):
 * the predictions of a batch share one draw of negative samples, so their dot products become a small
 * matrix-matrix product and each output row is read once and written once per batch instead of once per
 * prediction. It trades word2vec.c's exact update sequence for fewer memory transfers, which is what lets two
 * cores scale (with shared rows, every write by one core moves cache lines to the other). {@link #AUTO}, the
 * default, picks HOGBATCH for negative sampling; word2vec.c's exact behaviour is {@link #HOGWILD}.
 */
public enum Algorithm {
    /**
     * The default: {@link #HOGBATCH} when training negative sampling alone, {@link #HOGWILD} when hierarchical
     * softmax is on (HOGBATCH does not train it). See {@link Word2VecOptions#effectiveAlgorithm()}.
     */
    AUTO,
    /**
     * word2vec.c: every (input, target) prediction draws its own negatives and updates the rows at once,
     * lock-free across threads. Supports negative sampling and hierarchical softmax.
     */
    HOGWILD,
    /**
     * Minibatched with shared negatives (HogBatch, pWord2Vec). Negative sampling only: combined with
     * hierarchical softmax the options are rejected.
     *
     * <ul>
     * <li>Skip-gram: a batch is {@code batchTargets} consecutive centre words of a sentence; the input rows are
     *     the context words of their windows (matrix A, n x d), the outputs are each centre word (label 1 for
     *     its own context rows) and {@code batchNegatives} negatives shared by the whole batch (label 0).
     *     With one target per batch this is pWord2Vec's scheme.</li>
     * <li>CBOW: a worker buffers {@code batchWords} words of sentences (or what is left at the end of an epoch)
     *     and cuts them into {@code batchTargets} equal lanes; a
     *     batch is the j-th centre word of every lane, each with its context mean (or sum) as one input row (the
     *     lanes are far apart, so the windows of a batch share no context position); the outputs are each centre
     *     word (for its own row) and the shared negatives. The error of a row is added to each of its context
     *     words, as in word2vec.c.</li>
     * </ul>
     * In both, C = A&middot;B<sup>T</sup>, the gradients G = (label - s(C)) alpha, then dA = G&middot;B and
     * dB = G<sup>T</sup>&middot;A, all from the weights as they were at the start of the batch, written back once
     * per batch (lock-free across threads, as HOGWILD). A negative equal to a row's own centre word is skipped
     * for that row (word2vec.c skips such draws too).
     */
    HOGBATCH
}
