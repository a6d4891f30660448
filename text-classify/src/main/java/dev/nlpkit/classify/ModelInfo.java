package dev.nlpkit.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

import dev.nlpkit.classify.io.BundleFormatException;

/**
 * What a saved classifier records about how it was made, beside its recipe: when, by which nlpkit, on how many
 * examples, with which labels, and its test metrics when whoever trained it evaluated it on held-out texts. Saved as
 * the bundle's {@code info} section; a bundle written before the section existed (an earlier format 2, or format 1)
 * loads with {@link #notRecorded()}, every field empty, so nothing is guessed.
 *
 * <pre>{@code
 * TextClassifier model = TextClassifier.fit(texts, labels, validation, options, FitListener.NONE);
 * model.info().trainingExamples();                       // OptionalLong[200000], recorded by fit
 * Evaluation test = model.evaluate(testTexts, testLabels);
 * model = model.withInfo(model.info().withTest(testTexts.size(), ModelInfo.Metrics.of(test)));
 * model.save(Path.of("sentiment.nlpkit"));               // the info section holds the test metrics too
 * }</pre>
 *
 * @param created            when the model was trained (UTC, to the second)
 * @param nlpkitVersion      the nlpkit version that trained it
 * @param trainingExamples   texts it was trained on
 * @param validationExamples texts it was validated on during training (0: none)
 * @param testExamples       held-out texts of {@code testMetrics}
 * @param testMetrics        metrics on those texts, when measured
 * @param labels             the classes, in the order of {@code predictProba} (empty: not recorded)
 * @param embeddingText      the unlabelled text the embedding also trained on ({@link EmbeddingText}); empty when
 *                           it trained on the training texts alone (or, for an older bundle, when not recorded)
 */
public record ModelInfo(Optional<Instant> created, Optional<String> nlpkitVersion, OptionalLong trainingExamples,
                        OptionalLong validationExamples, OptionalLong testExamples, Optional<Metrics> testMetrics,
                        List<String> labels, Optional<EmbeddingTextInfo> embeddingText) {

    /** The header's kind in the {@code info} section. */
    static final String KIND = "nlpkit-model-info";
    /**
     * The newest section version this build reads and writes. Version 2 adds the {@code embeddingText.*} keys; an
     * info without them is still written as version 1, so that older nlpkit builds read such bundles.
     */
    static final int VERSION = 2;

    /**
     * What an {@link EmbeddingText} was, as the embedding saw it.
     *
     * @param name   its name (e.g. the file names)
     * @param lines  lines read
     * @param tokens tokens after the model's preprocessing
     */
    public record EmbeddingTextInfo(String name, long lines, long tokens) {

        /** Validates: a one-line name, counts >= 0. */
        public EmbeddingTextInfo {
            Objects.requireNonNull(name, "name");
            checkValue("embeddingText.name", name);
            if (lines < 0 || tokens < 0) {
                throw new IllegalArgumentException("embedding text counts must be >= 0, got lines=" + lines
                        + ", tokens=" + tokens);
            }
        }

        @Override
        public String toString() {
            return name + ": " + lines + " lines, " + tokens + " tokens";
        }
    }

    /**
     * Test metrics, as {@link TextClassifier#evaluate} computes them (macro averages for more than two classes).
     *
     * @param accuracy  share of texts whose most probable class is right
     * @param precision precision (binary: of the second class)
     * @param recall    recall
     * @param f1        F1
     * @param rocAuc    area under the ROC curve (NaN when it cannot be measured)
     */
    public record Metrics(double accuracy, double precision, double recall, double f1, double rocAuc) {

        /**
         * The metrics of an evaluation.
         *
         * @param evaluation an evaluation on held-out texts
         * @return its accuracy, precision, recall, F1 and ROC-AUC
         */
        public static Metrics of(Evaluation evaluation) {
            return new Metrics(evaluation.accuracy(), evaluation.precision(), evaluation.recall(), evaluation.f1(),
                    evaluation.rocAuc());
        }
    }

    /** Validates: counts not negative, test metrics only with a test count, labels copied. */
    public ModelInfo {
        Objects.requireNonNull(embeddingText, "embeddingText");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(nlpkitVersion, "nlpkitVersion");
        Objects.requireNonNull(trainingExamples, "trainingExamples");
        Objects.requireNonNull(validationExamples, "validationExamples");
        Objects.requireNonNull(testExamples, "testExamples");
        Objects.requireNonNull(testMetrics, "testMetrics");
        labels = List.copyOf(labels);
        for (OptionalLong count : List.of(trainingExamples, validationExamples, testExamples)) {
            if (count.isPresent() && count.getAsLong() < 0) {
                throw new IllegalArgumentException("an example count must be >= 0, got " + count.getAsLong());
            }
        }
        if (testMetrics.isPresent() && testExamples.isEmpty()) {
            throw new IllegalArgumentException("test metrics need the number of test examples they were measured on");
        }
        nlpkitVersion.ifPresent(v -> checkValue("nlpkitVersion", v));
        labels.forEach(l -> Objects.requireNonNull(l, "label"));
    }

    /**
     * Nothing recorded: what a bundle without the {@code info} section loads with.
     *
     * @return an info with every field empty
     */
    public static ModelInfo notRecorded() {
        return new ModelInfo(Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(),
                OptionalLong.empty(), Optional.empty(), List.of());
    }

    /**
     * Without an embedding text (as before it could be recorded).
     *
     * @param created            when the model was trained
     * @param nlpkitVersion      the nlpkit version that trained it
     * @param trainingExamples   texts it was trained on
     * @param validationExamples texts it was validated on during training
     * @param testExamples       held-out texts of {@code testMetrics}
     * @param testMetrics        metrics on those texts
     * @param labels             the classes
     */
    public ModelInfo(Optional<Instant> created, Optional<String> nlpkitVersion, OptionalLong trainingExamples,
            OptionalLong validationExamples, OptionalLong testExamples, Optional<Metrics> testMetrics,
            List<String> labels) {
        this(created, nlpkitVersion, trainingExamples, validationExamples, testExamples, testMetrics, labels,
                Optional.empty());
    }

    /** What {@code fit} knows: now, this nlpkit's version, the example counts, the labels and any extra text. */
    static ModelInfo ofFit(long training, long validation, List<String> labels,
            Optional<EmbeddingTextInfo> embeddingText) {
        return new ModelInfo(Optional.of(Instant.now().truncatedTo(ChronoUnit.SECONDS)), version(),
                OptionalLong.of(training), OptionalLong.of(validation), OptionalLong.empty(), Optional.empty(),
                labels, embeddingText);
    }

    /**
     * Whether anything was recorded.
     *
     * @return false for {@link #notRecorded()}, else true
     */
    public boolean recorded() {
        return !equals(notRecorded());
    }

    /**
     * The same info with test metrics.
     *
     * @param examples the number of held-out texts the metrics were measured on
     * @param metrics  the metrics
     * @return a new info
     */
    public ModelInfo withTest(long examples, Metrics metrics) {
        return new ModelInfo(created, nlpkitVersion, trainingExamples, validationExamples, OptionalLong.of(examples),
                Optional.of(Objects.requireNonNull(metrics, "metrics")), labels, embeddingText);
    }

    /** The nlpkit version of this build, from the jar's filtered resource (empty when run from unfiltered classes). */
    static Optional<String> version() {
        try (InputStream in = ModelInfo.class.getResourceAsStream("nlpkit-version.properties")) {
            if (in == null) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nlpkit-version.properties from the text-classify jar", e);
        }
    }

    // ------------------------------------------------------------------ the info section

    /**
     * The section's text: a header, then {@code key=value} lines for what is recorded (absent keys: not
     * recorded), then {@code end}. Values never hold a line break or a tab (labels are escaped as in
     * {@code PreprocessOptionsFormat}).
     */
    String toText() {
        int version = embeddingText.isPresent() ? 2 : 1;
        StringBuilder b = new StringBuilder(KIND).append('\t').append(version).append('\n');
        created.ifPresent(c -> line(b, "created", c.toString()));
        nlpkitVersion.ifPresent(v -> line(b, "nlpkitVersion", v));
        trainingExamples.ifPresent(n -> line(b, "trainingExamples", Long.toString(n)));
        validationExamples.ifPresent(n -> line(b, "validationExamples", Long.toString(n)));
        testExamples.ifPresent(n -> line(b, "testExamples", Long.toString(n)));
        testMetrics.ifPresent(m -> {
            line(b, "test.accuracy", number(m.accuracy()));
            line(b, "test.precision", number(m.precision()));
            line(b, "test.recall", number(m.recall()));
            line(b, "test.f1", number(m.f1()));
            line(b, "test.rocAuc", number(m.rocAuc()));
        });
        embeddingText.ifPresent(t -> {
            line(b, "embeddingText.name", t.name());
            line(b, "embeddingText.lines", Long.toString(t.lines()));
            line(b, "embeddingText.tokens", Long.toString(t.tokens()));
        });
        line(b, "labels", Integer.toString(labels.size()));
        for (String label : labels) {
            b.append(escape(label)).append('\n');
        }
        return b.append("end\n").toString();
    }

    /**
     * Parses {@link #toText()}.
     *
     * @param where the file and section, for messages
     * @throws BundleFormatException naming {@code where} and the line when the text is not this format or newer
     */
    static ModelInfo parse(String text, String where) throws BundleFormatException {
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String header = in.readLine();
            if (header == null || !header.startsWith(KIND + "\t")) {
                throw new BundleFormatException(where + ": line 1: expected the header '" + KIND + "<TAB>1'");
            }
            int version = parseInt(header.substring(KIND.length() + 1).strip(), where, 1, "version");
            if (version > VERSION || version < 1) {
                throw new BundleFormatException(where + ": info format " + version + " is newer than this nlpkit "
                        + "reads (" + VERSION + "); upgrade nlpkit");
            }
            Optional<Instant> created = Optional.empty();
            Optional<String> nlpkitVersion = Optional.empty();
            OptionalLong training = OptionalLong.empty();
            OptionalLong validation = OptionalLong.empty();
            OptionalLong test = OptionalLong.empty();
            double[] metrics = null;
            String textName = null;
            long[] textCounts = {-1, -1};
            List<String> labels = null;
            int lineNumber = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (labels != null) {
                    if (!line.equals("end")) {
                        throw new BundleFormatException(where + ": line " + lineNumber + ": expected 'end', found '"
                                + shorten(line) + "'");
                    }
                    if ((textName == null) != (textCounts[0] < 0) || (textName == null) != (textCounts[1] < 0)) {
                        throw new BundleFormatException(where + ": the embeddingText fields need all of name, lines "
                                + "and tokens");
                    }
                    return new ModelInfo(created, nlpkitVersion, training, validation, test,
                            metrics == null ? Optional.empty() : Optional.of(new Metrics(metrics[0], metrics[1],
                                    metrics[2], metrics[3], metrics[4])), labels,
                            textName == null ? Optional.empty()
                                    : Optional.of(new EmbeddingTextInfo(textName, textCounts[0], textCounts[1])));
                }
                int eq = line.indexOf('=');
                if (eq < 1) {
                    throw new BundleFormatException(where + ": line " + lineNumber + ": expected key=value, found '"
                            + shorten(line) + "'");
                }
                String key = line.substring(0, eq);
                String value = line.substring(eq + 1);
                switch (key) {
                    case "created" -> {
                        try {
                            created = Optional.of(Instant.parse(value));
                        } catch (DateTimeParseException e) {
                            throw new BundleFormatException(where + ": line " + lineNumber + ": field 'created': "
                                    + "expected an ISO-8601 UTC time such as 2026-12-06T23:40:00Z, found '"
                                    + shorten(value) + "'");
                        }
                    }
                    case "nlpkitVersion" -> nlpkitVersion = Optional.of(value);
                    case "trainingExamples" -> training = OptionalLong.of(parseInt(value, where, lineNumber, key));
                    case "validationExamples" -> validation = OptionalLong.of(parseInt(value, where, lineNumber, key));
                    case "testExamples" -> test = OptionalLong.of(parseInt(value, where, lineNumber, key));
                    case "test.accuracy", "test.precision", "test.recall", "test.f1", "test.rocAuc" -> {
                        if (metrics == null) {
                            metrics = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
                        }
                        int i = List.of("test.accuracy", "test.precision", "test.recall", "test.f1", "test.rocAuc")
                                .indexOf(key);
                        metrics[i] = parseDouble(value, where, lineNumber, key);
                    }
                    case "embeddingText.name" -> textName = value;
                    case "embeddingText.lines" -> textCounts[0] = parseLong(value, where, lineNumber, key);
                    case "embeddingText.tokens" -> textCounts[1] = parseLong(value, where, lineNumber, key);
                    case "labels" -> {
                        int count = parseInt(value, where, lineNumber, key);
                        labels = new ArrayList<>(count);
                        for (int i = 0; i < count; i++) {
                            String label = in.readLine();
                            lineNumber++;
                            if (label == null) {
                                throw new BundleFormatException(where + ": line " + lineNumber + ": truncated: "
                                        + "expected label " + (i + 1) + " of " + count);
                            }
                            labels.add(unescape(label, where, lineNumber));
                        }
                    }
                    default -> throw new BundleFormatException(where + ": line " + lineNumber + ": unknown field '"
                            + shorten(key) + "'");
                }
            }
            throw new BundleFormatException(where + ": truncated: expected the labels and 'end'");
        } catch (IOException e) {
            throw e instanceof BundleFormatException b ? b : new BundleFormatException(where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where + ": invalid info: " + e.getMessage(), e);
        }
    }

    private static void checkValue(String field, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + " must be one line");
        }
    }

    private static void line(StringBuilder b, String key, String value) {
        b.append(key).append('=').append(value).append('\n');
    }

    /** Round-trips exactly ({@code Double.toString}); NaN as {@code NaN}. */
    private static String number(double value) {
        return Double.toString(value);
    }

    private static int parseInt(String value, String where, int line, String field) throws BundleFormatException {
        return (int) parseCount(value, Integer.MAX_VALUE, where, line, field);
    }

    private static long parseLong(String value, String where, int line, String field) throws BundleFormatException {
        return parseCount(value, Long.MAX_VALUE, where, line, field);
    }

    private static long parseCount(String value, long max, String where, int line, String field)
            throws BundleFormatException {
        try {
            long n = Long.parseLong(value);
            if (n < 0 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BundleFormatException(where + ": line " + line + ": field '" + field + "': expected a count "
                    + ">= 0, found '" + shorten(value) + "'");
        }
    }

    private static double parseDouble(String value, String where, int line, String field) throws BundleFormatException {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new BundleFormatException(where + ": line " + line + ": field '" + field + "': expected a number, "
                    + "found '" + shorten(value) + "'");
        }
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    private static String escape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String unescape(String value, String where, int line) throws BundleFormatException {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char next = ++i < value.length() ? value.charAt(i) : '?';
            switch (next) {
                case '\\' -> b.append('\\');
                case 't' -> b.append('\t');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                default -> throw new BundleFormatException(where + ": line " + line + ": a label holds an unknown "
                        + "escape '\\" + next + "'");
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        if (!recorded()) {
            return "ModelInfo[not recorded]";
        }
        return String.format(Locale.ROOT, "ModelInfo[created=%s, nlpkit=%s, train=%s, validation=%s, test=%s, "
                        + "metrics=%s, labels=%s%s]", created.map(Instant::toString).orElse("?"),
                nlpkitVersion.orElse("?"), count(trainingExamples), count(validationExamples), count(testExamples),
                testMetrics.map(Metrics::toString).orElse("-"), labels,
                embeddingText.map(t -> ", embeddingText=" + t).orElse(""));
    }

    private static String count(OptionalLong n) {
        return n.isPresent() ? Long.toString(n.getAsLong()) : "?";
    }
}
