package dev.nlpkit.preprocess;

import java.util.Map;

import dev.nlpkit.preprocess.normalize.Normalization;

/** Test helper: a pipeline that only tokenizes (no normalization, no policies, no case change, no stop words). */
public final class RawOptions {

    private RawOptions() {
    }

    public static PreprocessOptions tokenizerOnly(TokenizerKind kind) {
        return new PreprocessOptions(Normalization.none(), kind, Map.of(), Map.of(), false, false, 1,
                Integer.MAX_VALUE, PreprocessOptions.NO_STOP_WORDS, false, Stemmer.NONE, Lemmatization.NONE);
    }
}
