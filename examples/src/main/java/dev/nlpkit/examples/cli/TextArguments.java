package dev.nlpkit.examples.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.nlpkit.core.InvalidBytes;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.TextDecoder;

/**
 * The texts a command works on: its positional arguments, or, when there are none, one text per line of
 * standard input (blank lines skipped), decoded as the corpus readers do (UTF-8, or ISO-8859-1 from the first
 * invalid byte when nothing before it was non-ASCII; a warning on stderr then, and a count of replaced bytes).
 * Used by {@code preprocess}; {@code sentiment predict} streams stdin instead ({@link PredictionStream}).
 */
final class TextArguments {

    private TextArguments() {
    }

    /** The arguments, or stdin's non-blank lines when there are no arguments; warnings go to {@code err}. */
    static List<String> textsOrStdin(List<String> arguments, PrintWriter err) {
        if (arguments != null && !arguments.isEmpty()) {
            return List.copyOf(arguments);
        }
        return readLines(System.in, err);
    }

    static List<String> readLines(InputStream in, PrintWriter err) {
        ReadOptions options = ReadOptions.defaults().withInvalidBytes(InvalidBytes.REPLACE);
        List<String> texts = new ArrayList<>();
        TextDecoder decoder = TextDecoder.of(in, "standard input", options); // not closed: stdin is not ours
        try {
            BufferedReader lines = new BufferedReader(decoder);
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.isBlank()) {
                    texts.add(line);
                }
            }
            ReadFlags.warn(decoder.warnings(), err);
            if (decoder.replacedBytes() > 0) {
                err.printf(Locale.ROOT, "warning: standard input: %d invalid bytes replaced by U+FFFD%n",
                        decoder.replacedBytes());
                err.flush();
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
