package dev.nlpkit.spark;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.nlpkit.preprocess.TextPreprocessor;

/**
 * One {@link TextPreprocessor} per distinct options text per JVM (driver or executor). Its Lucene analyzer keeps
 * one set of pipeline components per thread, so each task thread of an executor builds the chain once and reuses
 * it for every row of every partition it processes.
 */
final class Preprocessors {

    private static final ConcurrentMap<String, TextPreprocessor> BY_OPTIONS = new ConcurrentHashMap<>();

    private Preprocessors() {
    }

    /** The shared preprocessor for the options whose {@code PreprocessOptionsFormat} text is {@code optionsText}. */
    static TextPreprocessor forOptions(String optionsText) {
        return BY_OPTIONS.computeIfAbsent(optionsText,
                t -> TextPreprocessor.of(PreprocessOptionsParam.fromText(t, "the tokenizer's options")));
    }
}
