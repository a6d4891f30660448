package dev.nlpkit.benchmarks;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a benchmark finds the dataset it reads when its option gives no path. The command line that registers
 * the benchmarks ({@code nlpkit bench}, in {@code examples}) passes its dataset resolver (NLPKIT_DATA, the
 * cache, a download); this module does not depend on {@code examples}, so it names the datasets it needs
 * and leaves the finding to the caller.
 */
public interface BenchData {

    /** The datasets the benchmarks read (names as in {@code nlpkit data list}). */
    enum Dataset {
        /** {@code sentiment140-combined}: the 215,470 tweets of Sentiment140, train and test. */
        SENTIMENT140_COMBINED,
        /** {@code english-corpus}: an English corpus of 6.6M tokens, when installed locally. */
        ENGLISH_CORPUS,
        /** {@code text8}: the first 10^8 bytes of Wikipedia, cleaned. */
        TEXT8,
        /** {@code questions-words}: the word2vec analogy questions. */
        QUESTIONS_WORDS,
        /** {@code simlex-999}: word-pair similarity judgements. */
        SIMLEX_999,
        /** {@code men}: word-pair relatedness judgements. */
        MEN
    }

    /**
     * {@code explicit} when the user gave it, else the dataset, found or fetched; fails with one message
     * naming the dataset and {@code option} when it cannot be found.
     */
    Path resolve(Dataset dataset, Path explicit, String option);

    /** A local copy of {@code dataset}, without downloading. */
    Optional<Path> findLocal(Dataset dataset);

    /**
     * Paths from the options only: for a benchmark built outside {@code nlpkit bench} (tests, another
     * command line); a missing path is an error that names the option.
     */
    static BenchData optionsOnly() {
        return new BenchData() {
            @Override
            public Path resolve(Dataset dataset, Path explicit, String option) {
                if (explicit != null) {
                    return explicit;
                }
                throw new IllegalArgumentException("Missing " + option + ": without nlpkit's dataset resolver "
                        + "the " + dataset.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                        + " dataset has no default path; give " + option + " PATH.");
            }

            @Override
            public Optional<Path> findLocal(Dataset dataset) {
                return Optional.empty();
            }
        };
    }
}
