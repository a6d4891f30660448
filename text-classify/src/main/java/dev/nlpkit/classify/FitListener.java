package dev.nlpkit.classify;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.embeddings.vectors.WordVectors;
import dev.nlpkit.recurrent.model.BatchEnd;
import dev.nlpkit.recurrent.model.History;

/**
 * Receives the progress of {@link TextClassifier#fit}: the stage that starts, Word2Vec's progress, and the
 * network's batches and epochs (recurrent's {@link TrainingListener} events). The library never prints; a command
 * line renders these. Called on the thread that called {@code fit}; keep it cheap.
 */
public interface FitListener extends TrainingListener<BatchEnd, History.Epoch> {

    /** A listener that ignores everything. */
    FitListener NONE = new FitListener() {
    };

    /** The stages of a fit, in order (Word2Vec only with a Word2Vec embedding source). */
    enum Stage {
        /** Text to tokens. */
        PREPROCESS,
        /** Counting the vocabulary and encoding the sequences. */
        VOCABULARY,
        /** Preprocessing the extra unlabelled text of the embedding ({@link EmbeddingText}), when there is one. */
        EMBEDDING_TEXT,
        /** Training Word2Vec (or fastText) on the training tokens and any extra text. */
        WORD2VEC,
        /** Training the network. */
        NETWORK
    }

    /**
     * A stage starts.
     *
     * @param stage the stage now starting; stages come in {@link Stage} order, some skipped
     */
    default void onStage(Stage stage) {
    }

    /**
     * The extra unlabelled text of the embedding has been preprocessed ({@link EmbeddingText}).
     *
     * @param text what the embedding reads besides the training texts: name, lines read, tokens after preprocessing
     */
    default void onEmbeddingText(ModelInfo.EmbeddingTextInfo text) {
    }

    /**
     * Word2Vec's progress (from embeddings' listener).
     *
     * @param progress words processed, passes done and the current learning rate
     */
    default void onWord2VecProgress(TrainingProgress progress) {
    }

    /**
     * Word2Vec has finished: its vectors (every word it kept, by count), e.g. for a map of the words.
     *
     * @param vectors the trained vectors, before the network is built from them
     */
    default void onWord2VecVectors(WordVectors vectors) {
    }

    /**
     * The embedding matrix the network starts from, one row per vocabulary id ({@code <pad>} = 0, {@code <unk>} =
     * 1), before any fine-tuning; e.g. for a reference run of the same recipe elsewhere. Read it, do not change it.
     *
     * @param matrix        the rows (null for a random embedding)
     * @param withoutVector vocabulary words the embedding source had no vector for (0 for a random embedding)
     */
    default void onEmbeddingMatrix(float[][] matrix, int withoutVector) {
    }
}
