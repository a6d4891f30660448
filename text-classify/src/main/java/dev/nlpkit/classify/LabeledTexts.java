package dev.nlpkit.classify;

import java.util.List;
import java.util.Objects;

/**
 * Texts with one label each (validation data of {@link TextClassifier#fit}).
 *
 * @param texts  the texts, none null
 * @param labels the label of each text, same length, none null
 */
public record LabeledTexts(List<String> texts, List<String> labels) {

    /** Validates: same length, no null; copies both lists. */
    public LabeledTexts {
        Objects.requireNonNull(texts, "texts");
        Objects.requireNonNull(labels, "labels");
        TextClassifier.checkPairs(texts, labels);
        texts = List.copyOf(texts);
        labels = List.copyOf(labels);
    }

    /**
     * The number of texts.
     *
     * @return the number of texts, equal to the number of labels
     */
    public int size() {
        return texts.size();
    }
}
