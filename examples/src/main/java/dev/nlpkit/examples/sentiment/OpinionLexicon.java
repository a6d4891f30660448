package dev.nlpkit.examples.sentiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import dev.nlpkit.examples.plot.Polarity;

/**
 * Hu and Liu's opinion lexicon (about 6,800 English words marked positive or negative), used to colour the word
 * map. It is read from a directory holding {@code positive-words.txt} and {@code negative-words.txt}, one
 * lower-case word per line (lines starting with {@code ;} are comments, as in the original distribution).
 */
public final class OpinionLexicon {

    /** Where the lexicon sits inside a shared-data directory. */
    public static final String RELATIVE_DIRECTORY = "sentiment-lexicons/hu-liu-opinion-lexicon";

    private final Set<String> positive;
    private final Set<String> negative;

    private OpinionLexicon(Set<String> positive, Set<String> negative) {
        this.positive = Set.copyOf(positive);
        this.negative = Set.copyOf(negative);
    }

    /** Reads the lexicon in {@code directory}; the error names the missing file. */
    public static OpinionLexicon read(Path directory) throws IOException {
        return new OpinionLexicon(words(directory.resolve("positive-words.txt")),
                words(directory.resolve("negative-words.txt")));
    }

    /**
     * Looks for the lexicon in the usual places: {@code $NLPKIT_DATA/}{@value #RELATIVE_DIRECTORY}, then
     * {@code ../shared/data/}{@value #RELATIVE_DIRECTORY} from the working directory.
     */
    public static Optional<Path> locate(Map<String, String> environment, Path workingDirectory) {
        Stream.Builder<Path> candidates = Stream.builder();
        String data = environment.get("NLPKIT_DATA");
        if (data != null && !data.isBlank()) {
            candidates.add(Path.of(data).resolve(RELATIVE_DIRECTORY));
        }
        candidates.add(workingDirectory.resolve("../shared/data").resolve(RELATIVE_DIRECTORY).normalize());
        return candidates.build().filter(p -> Files.isRegularFile(p.resolve("positive-words.txt"))).findFirst();
    }

    private static Set<String> words(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new java.nio.file.NoSuchFileException(file.toString(), null, "opinion lexicon file missing");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Set<String> words = new HashSet<>();
        for (String line : lines) {
            String word = line.strip();
            if (!word.isEmpty() && !word.startsWith(";")) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /** The polarity of {@code word} (lower-cased), {@link Polarity#UNKNOWN} when it is in neither list or both. */
    public Polarity polarity(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        boolean p = positive.contains(w);
        boolean n = negative.contains(w);
        return p == n ? Polarity.UNKNOWN : p ? Polarity.POSITIVE : Polarity.NEGATIVE;
    }

    public int positiveCount() {
        return positive.size();
    }

    public int negativeCount() {
        return negative.size();
    }
}
