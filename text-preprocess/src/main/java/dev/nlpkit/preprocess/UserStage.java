package dev.nlpkit.preprocess;

import java.util.Objects;
import java.util.function.Function;

import org.apache.lucene.analysis.TokenStream;

/**
 * A user's token filter placed in the preset chain: where, under which name ({@link TextPreprocessor#stages()}),
 * and the factory that wraps the stream. Code, not configuration: not part of {@link PreprocessOptions}.
 */
record UserStage(InsertionPoint point, String name, Function<TokenStream, ? extends TokenStream> filter) {

    UserStage {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(filter, "filter");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a user stage needs a non-blank name (it is shown in stages())");
        }
    }

    /** Wraps {@code input}; the factory runs once per thread that uses the pipeline. */
    TokenStream wrap(TokenStream input) {
        TokenStream out = filter.apply(input);
        if (out == null) {
            throw new IllegalStateException("user stage '" + name + "' (" + point + ") returned null instead of a"
                    + " TokenStream; return a filter wrapping its argument, or the argument itself");
        }
        return out;
    }
}
