package dev.nlpkit.examples.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import dev.nlpkit.preprocess.corpus.BadRowPolicy;
import dev.nlpkit.preprocess.corpus.CorpusLayout;
import dev.nlpkit.preprocess.corpus.CorpusReader;
import dev.nlpkit.preprocess.corpus.InvalidBytes;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.ReadReport;
import dev.nlpkit.preprocess.corpus.Sentiment140Reader;
import dev.nlpkit.vectorize.label.LabelEncoder;

/**
 * Labelled texts for the sentiment workflow, read with text-preprocess's corpus readers from any file they
 * recognize (the Sentiment140 six-column CSV, a CSV/TSV with a label and a text column; plain, gzip or zip).
 * Rows the reader cannot parse are skipped and counted (see {@link #report()}); neutral rows (Sentiment140's
 * {@code 2}, or the labels {@code neutral} and {@code irrelevant}, as in the hand-labelled Sanders corpus) are
 * dropped and counted, because the model is binary. Exactly two
 * classes must remain; their sorted order gives the class ids (Sentiment140: {@code 0} negative = 0,
 * {@code 4} positive = 1).
 *
 * @param source         the file read
 * @param texts          the texts, in file order
 * @param labels         class id of each text, 0 or 1
 * @param labelEncoder   the label strings of the two classes
 * @param report         the reader's report (rows read, skipped and why)
 * @param droppedNeutral neutral rows dropped
 */
public record SentimentData(Path source, List<String> texts, int[] labels, LabelEncoder labelEncoder,
        ReadReport report, long droppedNeutral) {

    /** The labels treated as neutral and dropped. */
    public static final List<String> NEUTRAL_LABELS = List.of("2", "neutral", "irrelevant");

    /** Labels naming the negative class in the datasets we read (Sentiment140's {@code 0}). */
    static final List<String> NEGATIVE_NAMES = List.of("0", "negative", "neg");

    /** Labels naming the positive class in the datasets we read (Sentiment140's {@code 4}). */
    static final List<String> POSITIVE_NAMES = List.of("4", "positive", "pos");

    /**
     * Reads {@code file}.
     *
     * @param zipEntry  the entry to read inside a zip with several files (null: the only one)
     * @param expected  the label mapping the labels must follow (evaluating a saved model), or empty to fit one
     * @param progress  receives the number of rows read so far, about every 10,000 rows
     * @throws IllegalArgumentException when the file is missing, has no label column, no rows, or not two classes
     */
    public static SentimentData read(Path file, String zipEntry, Optional<LabelEncoder> expected,
            LongConsumer progress) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file " + file + " does not exist or is not a file");
        }
        ReadOptions lenient = ReadOptions.defaults().withInvalidBytes(InvalidBytes.REPLACE)
                .withBadRows(BadRowPolicy.SKIP);
        if (zipEntry != null) {
            lenient = lenient.withZipEntry(zipEntry);
        }
        CorpusLayout layout = CorpusLayout.detect(file, lenient);
        ReadOptions options = layout == CorpusLayout.SENTIMENT140
                ? Sentiment140Reader.defaultOptions().withInvalidBytes(InvalidBytes.REPLACE)
                        .withBadRows(BadRowPolicy.SKIP).withZipEntry(zipEntry)
                : lenient;
        if (layout == CorpusLayout.LINES) {
            throw new IllegalArgumentException("data file " + file + " has no label column: expected the Sentiment140 "
                    + "six-column CSV or a CSV/TSV header with a label column (target, label, sentiment, polarity...) "
                    + "and a text column (text, tweet...)");
        }
        List<String> texts = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        long neutral = 0;
        ReadReport report;
        try (CorpusReader reader = CorpusLayout.open(file, options)) {
            long rows = 0;
            for (LabelledText row : reader) {
                if (++rows % 10_000 == 0) {
                    progress.accept(rows);
                }
                String label = row.label() == null ? "" : row.label().strip();
                if (NEUTRAL_LABELS.contains(label.toLowerCase(java.util.Locale.ROOT))) {
                    neutral++;
                    continue;
                }
                texts.add(row.text());
                rawLabels.add(label);
            }
            progress.accept(rows);
            report = reader.report();
        }
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("data file " + file + " has no labelled rows (" + report.rows()
                    + " rows read, " + report.skipped() + " skipped, " + neutral + " neutral)");
        }
        LabelEncoder encoder;
        if (expected.isPresent()) {
            encoder = expected.get();
            for (int i = 0; i < rawLabels.size(); i++) {
                String label = rawLabels.get(i);
                if (!encoder.classes().contains(label)) {
                    String same = samePolarity(label, encoder.classes());
                    if (same == null) {
                        throw new IllegalArgumentException("data file " + file + ": label '" + label
                                + "' is not one of the model's classes " + encoder.classes());
                    }
                    rawLabels.set(i, same);
                }
            }
        } else {
            TreeSet<String> distinct = new TreeSet<>(rawLabels);
            if (distinct.size() == 1) {
                throw new IllegalArgumentException("data file " + file + " has one class only: all " + texts.size()
                        + " labelled rows are '" + distinct.first() + "'; a classifier needs two");
            }
            if (distinct.size() > 2) {
                throw new IllegalArgumentException("data file " + file + " has " + distinct.size() + " classes "
                        + distinct + "; the sentiment model is binary (neutral rows are dropped)");
            }
            encoder = LabelEncoder.fit(rawLabels);
        }
        int[] labels = encoder.encode(rawLabels);
        return new SentimentData(file, List.copyOf(texts), labels, encoder, report, neutral);
    }

    /**
     * The class among {@code classes} that names the same polarity as {@code label} ("positive" and Sentiment140's
     * "4", "negative" and "0"), or null. This lets a file labelled in words test a model trained on Sentiment140.
     */
    static String samePolarity(String label, List<String> classes) {
        String lower = label.toLowerCase(java.util.Locale.ROOT);
        List<String> names = NEGATIVE_NAMES.contains(lower) ? NEGATIVE_NAMES
                : POSITIVE_NAMES.contains(lower) ? POSITIVE_NAMES : List.of();
        for (String c : classes) {
            if (names.contains(c.toLowerCase(java.util.Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    public int size() {
        return texts.size();
    }

    /** The rows at {@code indices}, in that order. */
    public List<String> texts(int[] indices) {
        List<String> out = new ArrayList<>(indices.length);
        for (int i : indices) {
            out.add(texts.get(i));
        }
        return out;
    }

    /** The labels at {@code indices}. */
    public int[] labels(int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[indices[k]];
        }
        return out;
    }

    /** Rows per class id. */
    public long[] classCounts() {
        long[] counts = new long[2];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }
}
