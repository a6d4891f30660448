package dev.nlpkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts a command works on: its positional arguments, or, when there are none, one text per line of
 * standard input (blank lines skipped). Shared by {@code preprocess}, {@code onehot} and {@code sentiment predict}.
 */
final class TextArguments {

    private TextArguments() {
    }

    /** The arguments, or stdin's non-blank lines when there are no arguments. */
    static List<String> textsOrStdin(List<String> arguments) {
        if (arguments != null && !arguments.isEmpty()) {
            return List.copyOf(arguments);
        }
        return readLines(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
    }

    static List<String> readLines(BufferedReader in) {
        List<String> texts = new ArrayList<>();
        try {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()) {
                    texts.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no text given: pass texts as arguments or one per line on standard input");
        }
        return texts;
    }
}
