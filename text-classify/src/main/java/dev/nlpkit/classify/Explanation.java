package dev.nlpkit.classify;

import java.util.List;

/**
 * Why a text got its label: the prediction and each token's contribution by occlusion (the prediction again
 * with that one token left out of the sequence).
 *
 * @param label         the predicted label
 * @param probabilities the probability of each class, in {@link TextClassifier#labels()} order
 * @param tokens        the tokens of the text in order, with offsets into it
 */
public record Explanation(String label, double[] probabilities, List<TokenContribution> tokens) {

    /** Copies. */
    public Explanation {
        probabilities = probabilities.clone();
        tokens = List.copyOf(tokens);
    }

    /**
     * The class probabilities.
     *
     * @return a fresh copy, one probability per class in {@link TextClassifier#labels()} order
     */
    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
