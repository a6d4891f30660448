package dev.nlpkit.embeddings.evaluation;

import java.util.List;

/**
 * The result of {@link AnalogyEvaluation}: per section and in total, as gensim's
 * {@code evaluate_word_analogies}.
 *
 * @param sections     each section, in file order
 * @param total        all sections together ("Total accuracy")
 * @param questions    well-formed questions read
 * @param oov          questions skipped because a word is missing (or beyond the restriction)
 * @param skippedLines lines that are not sections nor four words (counted, as gensim logs and skips them)
 */
public record AnalogyResult(List<AnalogySection> sections, AnalogySection total, int questions, int oov,
        int skippedLines) {

    /** Copies the sections. */
    public AnalogyResult {
        sections = List.copyOf(sections);
    }

    /**
     * Overall accuracy over the answerable questions (gensim's returned score).
     *
     * @return the accuracy, in [0, 1]
     */
    public double accuracy() {
        return total.accuracy();
    }

    /**
     * OOV questions / all questions, in percent (gensim's oov_ratio).
     *
     * @return the percentage, in [0, 100]
     */
    public double oovRatioPercent() {
        return questions == 0 ? 0 : 100.0 * oov / questions;
    }
}
