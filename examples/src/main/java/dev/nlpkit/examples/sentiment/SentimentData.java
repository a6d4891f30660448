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
import dev.nlpkit.preprocess.corpus.CorpusException;
import dev.nlpkit.preprocess.corpus.CorpusReader;
import dev.nlpkit.preprocess.corpus.DelimitedTextReader;
import dev.nlpkit.core.InvalidBytes;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.corpus.ReadReport;
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
     * @param read      charset (null: detected) and zip entry (null: the only one); bad rows are always skipped
     *                  and counted, invalid bytes replaced and counted
     * @param expected  the label mapping the labels must follow (evaluating a saved model), or empty to fit one
     * @param progress  receives the number of rows read so far, about every 10,000 rows
     * @throws IllegalArgumentException when the file is missing, has no rows, or not two classes
     * @throws CorpusException          when it is empty, not a labelled table (saying which column is missing),
     *                                  UTF-16, binary, a damaged gzip or an ambiguous zip
     */
    public static SentimentData read(Path file, ReadOptions read, Optional<LabelEncoder> expected,
            LongConsumer progress) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("data file " + file + " does not exist or is not a file");
        }
        ReadOptions options = read.withInvalidBytes(InvalidBytes.REPLACE).withBadRows(BadRowPolicy.SKIP);
        CorpusLayout.requireLabelled(file, options);
        List<String> texts = new ArrayList<>();
        List<String> rawLabels = new ArrayList<>();
        long neutral = 0;
        ReadReport report;
        String labelColumn;
        try (CorpusReader reader = CorpusLayout.open(file, options)) {
            labelColumn = reader instanceof DelimitedTextReader d ? "label column " + quoted(d.labelColumn())
                    : "target column (column 1)";
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
        return of(file, texts, rawLabels, neutral, report, labelColumn, expected);
    }

    /**
     * The rows read from {@code file} (neutral ones already dropped and counted) as two classes: the labels mapped
     * to {@code expected}'s classes (a label naming the same polarity counts, see {@link #samePolarity}), or to
     * the two labels found.
     */
    static SentimentData of(Path file, List<String> texts, List<String> rawLabels, long neutral, ReadReport report,
            String labelColumn, Optional<LabelEncoder> expected) {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException(report.rows() == 0
                    ? "data file " + file + " has no labelled rows: no data rows after the header"
                    : "data file " + file + " has no labelled rows (" + report.rows() + " rows read, "
                            + report.skipped() + " skipped, " + neutral + " neutral)");
        }
        LabelEncoder encoder;
        if (expected.isPresent()) {
            encoder = expected.get();
            for (int i = 0; i < rawLabels.size(); i++) {
                String label = rawLabels.get(i);
                if (!encoder.classes().contains(label)) {
                    String same = samePolarity(label, encoder.classes());
                    if (same == null) {
                        rejectFreeText(file, rawLabels, labelColumn);
                        throw new IllegalArgumentException("data file " + file + ": label " + quoted(label)
                                + " is not one of the model's classes " + encoder.classes());
                    }
                    rawLabels.set(i, same);
                }
            }
        } else {
            TreeSet<String> distinct = new TreeSet<>(rawLabels);
            if (distinct.size() == 1) {
                throw new IllegalArgumentException("data file " + file + " has one class only: all " + texts.size()
                        + " labelled rows are " + quoted(distinct.first()) + "; a classifier needs two");
            }
            if (distinct.size() > 2) {
                rejectFreeText(file, rawLabels, labelColumn);
                throw new IllegalArgumentException("data file " + file + " has " + distinct.size() + " classes "
                        + examples(rawLabels) + "; the sentiment model is binary (neutral rows are dropped)");
            }
            encoder = LabelEncoder.fit(rawLabels);
        }
        int[] labels = encoder.encode(rawLabels);
        return new SentimentData(file, List.copyOf(texts), labels, encoder, report, neutral);
    }

    /** Longest label quoted in a message. */
    private static final int SHOWN = 40;

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("'");
        text.codePoints().limit(SHOWN).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append(text.codePointCount(0, text.length()) > SHOWN ? "...'" : "'").toString();
    }

    /** At most five distinct labels, in file order, quoted and shortened: {@code ('a', 'b', ... and 7 more)}. */
    static String examples(List<String> labels) {
        java.util.LinkedHashSet<String> first = new java.util.LinkedHashSet<>();
        TreeSet<String> all = new TreeSet<>();
        for (String label : labels) {
            all.add(label);
            if (first.size() < 5) {
                first.add(label);
            }
        }
        StringBuilder out = new StringBuilder("(");
        for (String label : first) {
            out.append(out.length() > 1 ? ", " : "").append(quoted(label));
        }
        if (all.size() > first.size()) {
            out.append(" and ").append(all.size() - first.size()).append(" more");
        }
        return out.append(')').toString();
    }

    /**
     * Fails when the labels look like free text (more than 20 distinct values, or most of the first 1,000 with
     * a space): the label and text columns are probably swapped or misnamed. Examples are at most five values,
     * quoted and shortened.
     */
    static void rejectFreeText(Path file, List<String> labels, String labelColumn) {
        long distinct = labels.stream().distinct().limit(21).count();
        List<String> head = labels.subList(0, Math.min(labels.size(), 1000));
        long withSpaces = head.stream().filter(l -> l.strip().contains(" ")).count();
        if (distinct <= 20 && withSpaces * 2 <= head.size()) {
            return;
        }
        throw new IllegalArgumentException("data file " + file + ": the " + labelColumn + " looks like free text, "
                + "not labels: " + examples(head) + "; are the label and text columns swapped?");
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
