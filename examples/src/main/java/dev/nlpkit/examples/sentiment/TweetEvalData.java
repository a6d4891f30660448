package dev.nlpkit.examples.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.nlpkit.core.InvalidBytes;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.ReadReport;
import dev.nlpkit.preprocess.corpus.TextDecoder;
import dev.nlpkit.vectorize.label.LabelEncoder;

/**
 * The TweetEval layout (github.com/cardiffnlp/tweeteval): a split's texts in {@code <split>_text.txt}, one tweet a
 * line, its labels in {@code <split>_labels.txt} beside it, one class id a line, and {@code mapping.txt} mapping
 * each id to a class name ({@code 0<TAB>negative}...). Read as {@link SentimentData}: the ids become the mapped
 * names, the neutral ones are dropped and counted, so the sentiment task becomes the binary one a Sentiment140
 * model answers.
 */
public final class TweetEvalData {

    private static final String TEXT_SUFFIX = "_text.txt";
    private static final String LABELS_SUFFIX = "_labels.txt";
    private static final String MAPPING = "mapping.txt";

    private TweetEvalData() {
    }

    /**
     * Whether {@code path} is in the TweetEval layout: a folder with a {@code mapping.txt} and a
     * {@code *_text.txt}, or a {@code *_text.txt} file with its {@code *_labels.txt} beside it.
     *
     * @param path a file or folder a user named
     * @return true when {@link #read} should read it
     */
    public static boolean matches(Path path) {
        if (Files.isDirectory(path)) {
            return Files.isRegularFile(path.resolve(MAPPING));
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        return name.endsWith(TEXT_SUFFIX) && Files.isRegularFile(labelsOf(path));
    }

    /**
     * Reads a TweetEval split.
     *
     * @param path     the split's text file, or the folder when it holds one split only
     * @param read     the charset (null: UTF-8, or ISO-8859-1 when the file is not valid UTF-8, with a warning);
     *                 invalid bytes are replaced and counted
     * @param expected the model's classes the labels must map to, or empty to use the two names left
     * @return the labelled tweets, neutral ones dropped and counted
     * @throws IllegalArgumentException naming the file and line of a label that is not an id of mapping.txt, a
     *                                  missing mapping or labels file, or text and label files of different lengths
     */
    public static SentimentData read(Path path, ReadOptions read, Optional<LabelEncoder> expected) {
        Path text = Files.isDirectory(path) ? onlySplit(path) : path;
        Path labels = labelsOf(text);
        Path mapping = text.toAbsolutePath().getParent().resolve(MAPPING);
        if (!Files.isRegularFile(labels)) {
            throw new IllegalArgumentException("TweetEval text file " + text + " has no labels file " + labels
                    + " beside it");
        }
        if (!Files.isRegularFile(mapping)) {
            throw new IllegalArgumentException("TweetEval text file " + text + " has no " + MAPPING + " beside it "
                    + "(one line per class: id, tab, name)");
        }
        ReadOptions options = read.withInvalidBytes(InvalidBytes.REPLACE);
        Map<String, String> names = mapping(mapping, options);
        Lines texts = lines(text, options);
        Lines ids = lines(labels, options);
        if (texts.lines().size() != ids.lines().size()) {
            throw new IllegalArgumentException("TweetEval files " + text + " and " + labels + " differ in length: "
                    + texts.lines().size() + " texts, " + ids.lines().size() + " labels");
        }
        List<String> kept = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        long neutral = 0;
        for (int i = 0; i < texts.lines().size(); i++) {
            String id = ids.lines().get(i).strip();
            String name = names.get(id);
            if (name == null) {
                throw new IllegalArgumentException(labels + " line " + (i + 1) + ": label " + SentimentData.quoted(id)
                        + " is not an id of " + mapping + " " + names.keySet());
            }
            if (SentimentData.NEUTRAL_LABELS.contains(name.toLowerCase(Locale.ROOT))) {
                neutral++;
                continue;
            }
            kept.add(texts.lines().get(i));
            rawLabels.add(name);
        }
        List<String> warnings = new ArrayList<>(texts.decoder().warnings());
        warnings.addAll(ids.decoder().warnings());
        ReadReport report = new ReadReport(text.toString(), texts.lines().size(), texts.lines().size(), 0, Map.of(),
                List.of(), 0, texts.decoder().charset(), texts.decoder().replacedBytes() + ids.decoder().replacedBytes(),
                warnings);
        return SentimentData.of(text, kept, rawLabels, neutral, report, "labels file " + labels, expected);
    }

    private static Path labelsOf(Path text) {
        String name = text.getFileName().toString();
        return text.resolveSibling(name.substring(0, name.length() - TEXT_SUFFIX.length()) + LABELS_SUFFIX);
    }

    private static Path onlySplit(Path folder) {
        List<Path> splits;
        try (Stream<Path> files = Files.list(folder)) {
            splits = files.filter(p -> p.getFileName().toString().endsWith(TEXT_SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (splits.size() != 1) {
            throw new IllegalArgumentException("TweetEval folder " + folder + " has " + (splits.isEmpty()
                    ? "no *" + TEXT_SUFFIX + " file" : splits.size() + " splits " + splits.stream()
                    .map(p -> p.getFileName().toString()).toList()) + "; name the split's text file instead");
        }
        return splits.get(0);
    }

    private static Map<String, String> mapping(Path file, ReadOptions options) {
        Map<String, String> names = new HashMap<>();
        List<String> lines = lines(file, options).lines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected an id and a class name, "
                        + "got " + SentimentData.quoted(line));
            }
            names.put(parts[0], parts[1].strip());
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException(file + " maps no class ids");
        }
        return names;
    }

    /** A file's lines (a last empty line after the final newline is not a line) and the decoder's report. */
    private record Lines(List<String> lines, TextDecoder decoder) {
    }

    private static Lines lines(Path file, ReadOptions options) {
        try (InputStream in = Files.newInputStream(file);
                TextDecoder decoder = TextDecoder.of(in, file.toString(), options);
                BufferedReader reader = new BufferedReader(decoder)) {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return new Lines(lines, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
