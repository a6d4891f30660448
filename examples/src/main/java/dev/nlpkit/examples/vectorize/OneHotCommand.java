package dev.nlpkit.examples.vectorize;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.DenseMatrix;
import dev.nlpkit.vectorize.onehot.OneHotEncoder;
import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit onehot}: prints the one-hot table of a small vocabulary (by default the course's nine words) and,
 * with {@code --sentence}, the time x vocabulary one-hot sequence of a sentence.
 */
@Command(name = "onehot", mixinStandardHelpOptions = true,
        description = "Print the one-hot vectors of a small vocabulary (default: the course's 9 words).")
public final class OneHotCommand implements Callable<Integer> {

    /** The course's words, in the course's order. */
    public static final List<String> COURSE_WORDS =
            List.of("man", "woman", "boy", "girl", "prince", "princess", "queen", "king", "monarch");

    @Parameters(arity = "0..*", description = "The vocabulary, in order (default: ${DEFAULT-VALUE}).")
    List<String> words;

    @Option(names = "--sentence", description = "Also encode this sentence (split on spaces, lowercased).")
    String sentence;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> vocabulary = words == null || words.isEmpty() ? COURSE_WORDS : words;
        if (vocabulary.size() > 50) {
            throw new IllegalArgumentException("a printed one-hot table is for small vocabularies (at most 50 words, "
                    + "got " + vocabulary.size() + ")");
        }
        OneHotEncoder encoder = OneHotEncoder.of(Vocabulary.of(vocabulary, ReservedTokens.NONE));
        PrintWriter out = spec.commandLine().getOut();
        DenseMatrix table = encoder.table();
        int width = vocabulary.stream().mapToInt(String::length).max().orElse(4) + 2;
        out.println("One-hot vectors (" + vocabulary.size() + " dimensions, one per word):");
        for (int i = 0; i < table.rows(); i++) {
            out.println(pad(vocabulary.get(i), width) + row(table.row(i)));
        }
        if (sentence != null) {
            List<String> tokens = Arrays.stream(sentence.toLowerCase(Locale.ROOT).split(" +"))
                    .filter(s -> !s.isEmpty()).toList();
            CsrMatrix steps = encoder.encode(tokens);
            out.println();
            out.println("Sentence as a " + steps.rows() + " x " + steps.columns() + " one-hot sequence ("
                    + encoder.unknownCount(tokens) + " unknown word(s) are all-zero rows):");
            for (int t = 0; t < steps.rows(); t++) {
                out.println(pad(tokens.get(t), width) + row(steps.row(t).toDense()));
            }
        }
        out.println();
        out.println("Every two different words are orthogonal (dot product 0): one-hot vectors carry no similarity,");
        out.println("and their dimension grows with the vocabulary (286,744 for the Sentiment140 tweets).");
        out.flush();
        return 0;
    }

    private static String row(float[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ", ").append((int) values[i]);
        }
        return s.append(']').toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text + " " : text + " ".repeat(width - text.length());
    }
}
