package dev.nlpkit.classify;

import dev.nlpkit.embeddings.TrainingProgress;
import dev.nlpkit.recurrent.model.TrainingListener;

/**
 * Receives the progress of {@link TextClassifier#fit}: the stage that starts, Word2Vec's progress, and the
 * network's batches and epochs (recurrent's {@link TrainingListener} events). The library never prints; a command
 * line renders these. Called on the training thread (Word2Vec progress from its worker threads); keep it cheap.
 */
public interface FitListener extends TrainingListener {

    /** A listener that ignores everything. */
    FitListener NONE = new FitListener() {
    };

    /** The stages of a fit, in order (Word2Vec only with a Word2Vec embedding source). */
    enum Stage {
        /** Text to tokens. */
        PREPROCESS,
        /** Counting the vocabulary and encoding the sequences. */
        VOCABULARY,
        /** Training Word2Vec on the training tokens. */
        WORD2VEC,
        /** Training the network. */
        NETWORK
    }

    /** A stage starts. */
    default void onStage(Stage stage) {
    }

    /** Word2Vec's progress (from embeddings' listener). */
    default void onWord2VecProgress(TrainingProgress progress) {
    }
}
