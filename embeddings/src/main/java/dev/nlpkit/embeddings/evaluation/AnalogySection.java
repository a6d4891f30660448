package dev.nlpkit.embeddings.evaluation;

/**
 * Analogy results of one section (or the total).
 *
 * @param name      the section name (the text after ": "), or "Total accuracy"
 * @param correct   questions answered correctly
 * @param incorrect questions answered wrongly (OOV questions are not counted here)
 */
public record AnalogySection(String name, int correct, int incorrect) {

    /**
     * correct / (correct + incorrect), 0 when no question was answerable.
     *
     * @return the accuracy, in [0, 1]
     */
    public double accuracy() {
        int n = correct + incorrect;
        return n == 0 ? 0 : (double) correct / n;
    }
}
