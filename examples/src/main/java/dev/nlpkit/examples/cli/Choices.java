package dev.nlpkit.examples.cli;

import java.util.Arrays;
import java.util.Locale;

import dev.nlpkit.examples.sentiment.Preprocessing;
import dev.nlpkit.preprocess.Stemmer;

/** Lower-case command-line choices to enums, with an error that lists what is allowed. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String option, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(option + " " + Messages.quote(value) + " is not one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                        .toList());
    }

    static Preprocessing.Preset preset(String value) {
        return parse(Preprocessing.Preset.class, "--preset", value);
    }

    static Stemmer stemmer(String value) {
        return parse(Stemmer.class, "--stemmer", value);
    }

    static Preprocessing.Lemmatization lemmatization(String value) {
        return parse(Preprocessing.Lemmatization.class, "--lemmatize", value);
    }
}
