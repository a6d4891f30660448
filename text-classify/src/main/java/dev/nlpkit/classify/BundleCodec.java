package dev.nlpkit.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import dev.nlpkit.core.ShortTasks;
import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;
import dev.nlpkit.classify.linear.TfidfLogisticRegression;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.PreprocessOptionsFormat;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.label.LabelEncoder;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;

/**
 * A {@link TextClassifier} to and from a {@link ModelBundle}: the container only holds sections, each module
 * writes and reads its own. Format 2 is written; format 1 (no {@code classifier} section) is read through
 * {@link Format1}.
 */
final class BundleCodec {

    static final String CLASSIFIER = "classifier";
    static final String KIND = "nlpkit-text-classifier";
    /** The info section: added within format 2 (optional, so earlier format-2 bundles load as not recorded). */
    static final String INFO = "info";
    /** The decision section (options version 3): the threshold; absent in earlier bundles, which use 0.5. */
    static final String DECISION = "decision";
    static final String DECISION_KIND = "nlpkit-text-classifier-decision";
    /** The blended linear model's section, present only when the options blend one. */
    static final String LINEAR = "linear";

    private BundleCodec() {
    }

    static ModelBundle bundle(TextClassifier c) throws IOException {
        ModelBundle.Builder builder = ModelBundle.builder()
                .text(CLASSIFIER, w -> w.write(KIND + "\t" + TextClassifier.FORMAT_VERSION + "\nclasses="
                        + c.labels().size() + "\nend\n"))
                .binary("preprocessing", out -> PreprocessOptionsFormat.write(c.options().preprocess(), out))
                .text("options", w -> w.write(OptionsText.write(c.options())))
                .text("sequence", c.encoder()::write)
                .text("labels", c.labelEncoder()::write)
                .binary("network", c.network()::save)
                .text("history", w -> w.write(historyText(c.history())))
                .text(INFO, w -> w.write(c.info().toText()))
                .text(DECISION, w -> w.write(DECISION_KIND + "\t1\nthreshold=" + c.threshold() + "\nend\n"));
        if (c.linear().isPresent()) {
            builder.binary(LINEAR, c.linear().get()::write);
        }
        return builder.build();
    }

    /** The threshold of the decision section (0.5 when the bundle predates it). */
    static double readThreshold(ModelBundle bundle, String source) throws IOException {
        if (!bundle.has(DECISION)) {
            return 0.5;
        }
        String where = source + "#" + DECISION;
        try (BufferedReader in = new BufferedReader(new StringReader(bundle.text(DECISION)))) {
            LineReader lines = new LineReader(in, where);
            lines.readHeader(DECISION_KIND, 1);
            double threshold = lines.parseDouble("threshold", lines.nextKeyValue("threshold"));
            lines.expect("end");
            if (!(threshold > 0 && threshold < 1)) {
                throw new BundleFormatException(where + ": field 'threshold': expected a number in (0, 1), found "
                        + threshold);
            }
            return threshold;
        } catch (BundleFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(String.valueOf(e.getMessage()).contains(where) ? e.getMessage()
                    : where + ": " + e.getMessage(), e);
        }
    }

    static TextClassifier read(InputStream in, String source) throws IOException {
        return read(ModelBundle.readFrom(in, source), source);
    }

    static TextClassifier read(ModelBundle bundle, String source) throws IOException {
        if (!bundle.has(CLASSIFIER)) {
            if (bundle.has("preprocessing") && bundle.has("network") && bundle.has("info")) {
                return Format1.read(bundle, source);
            }
            throw new BundleFormatException(source + " is a model bundle but not a text classifier (sections "
                    + bundle.sectionNames() + ")");
        }
        String where = source + "#" + CLASSIFIER;
        String header = bundle.text(CLASSIFIER).lines().findFirst().orElse("");
        if (!header.startsWith(KIND + "\t")) {
            throw new BundleFormatException(where + ": expected the header '" + KIND + "<TAB><version>', found '"
                    + header + "'");
        }
        int version;
        try {
            version = Integer.parseInt(header.substring(KIND.length() + 1).strip());
        } catch (NumberFormatException e) {
            throw new BundleFormatException(where + ": the format version is not a number: '" + header + "'");
        }
        if (version > TextClassifier.FORMAT_VERSION) {
            throw new BundleFormatException(where + ": classifier format " + version + " was written by a newer "
                    + "nlpkit; this one reads formats 1 to " + TextClassifier.FORMAT_VERSION + ": upgrade nlpkit");
        }
        if (version < 2) {
            throw new BundleFormatException(where + ": invalid classifier format " + version);
        }
        PreprocessOptions preprocess = section(source, "preprocessing",
                () -> PreprocessOptionsFormat.read(bundle.open("preprocessing"), source + "#preprocessing"));
        TextClassifierOptions options = OptionsText.read(bundle.text("options"), preprocess, source + "#options");
        SequenceEncoder encoder = section(source, "sequence", () -> SequenceEncoder.read(
                new LineReader(new BufferedReader(bundle.reader("sequence")), source + "#sequence")));
        LabelEncoder labels = section(source, "labels", () -> LabelEncoder.read(
                new LineReader(new BufferedReader(bundle.reader("labels")), source + "#labels")));
        // the linear model (a TF-IDF vocabulary of up to millions of n-grams) is parsed on a thread of its own
        // while this one reads the network: the two sections do not depend on each other
        FutureTask<TfidfLogisticRegression> linearTask = !bundle.has(LINEAR) ? null : new FutureTask<>(
                () -> section(source, LINEAR, () -> TfidfLogisticRegression.read(bundle.open(LINEAR),
                        source + "#" + LINEAR)));
        if (linearTask != null) {
            Thread.ofPlatform().name("nlpkit-load-linear").daemon().start(linearTask);
        }
        Sequential network = section(source, "network", () -> Sequential.load(bundle.buffer("network")));
        History history = parseHistory(bundle.text("history"), source + "#history");
        ModelInfo info = bundle.has(INFO) ? ModelInfo.parse(bundle.text(INFO), source + "#" + INFO)
                : ModelInfo.notRecorded();
        double threshold = readThreshold(bundle, source);
        TfidfLogisticRegression linear = linearTask == null ? null : finish(linearTask);
        try {
            return new TextClassifier(options, encoder, labels, network, history, true, info, linear, threshold);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(source + ": the sections do not fit together: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // a part of the program is missing (a part-of-speech tagger nobody registered), not the file's fault
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** The result of a section read on another thread, its failure thrown here as it would have been there. */
    private static <T> T finish(FutureTask<T> task) throws BundleFormatException {
        try {
            return ShortTasks.result(task);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BundleFormatException b) {
                throw b;
            }
            throw ShortTasks.unchecked(e.getCause());
        }
    }

    /** The preprocessor of a format-2 bundle's preprocessing section; empty when it cannot be read. */
    static Optional<TextPreprocessor> readPreprocessor(Path file) {
        try {
            ModelBundle bundle = ModelBundle.read(file);
            if (!bundle.has(CLASSIFIER) || !bundle.has("preprocessing")) {
                return Optional.empty();
            }
            PreprocessOptions options = PreprocessOptionsFormat.read(bundle.open("preprocessing"),
                    file + "#preprocessing");
            return Optional.of(TextPreprocessor.of(options));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // TextClassifier.load says what is wrong
        }
    }

    /** Reads one section; any failure becomes one message naming the file and the section. */
    static <T> T section(String source, String name, SectionReader<T> reader) throws BundleFormatException {
        try {
            return reader.read();
        } catch (BundleFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            throw new BundleFormatException(message.contains(source) ? message
                    : source + "#" + name + ": the section cannot be read: " + message, e);
        }
    }

    @FunctionalInterface
    interface SectionReader<T> {
        T read() throws IOException;
    }

    static String historyText(History h) {
        StringBuilder b = new StringBuilder("nlpkit-history\t1\n");
        b.append("bestEpoch=").append(h.bestEpoch()).append('\n');
        b.append("stoppedEarly=").append(h.stoppedEarly()).append('\n');
        b.append("epochs=").append(h.epochs().size()).append('\n');
        for (History.Epoch e : h.epochs()) {
            b.append(e.epoch()).append('\t').append(e.loss()).append('\t').append(e.accuracy()).append('\t')
                    .append(e.validationLoss()).append('\t').append(e.validationAccuracy()).append('\n');
        }
        return b.append("end\n").toString();
    }

    static History parseHistory(String text, String where) throws BundleFormatException {
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            LineReader lines = new LineReader(in, where);
            lines.readHeader("nlpkit-history", 1);
            int best = (int) lines.parseLong("bestEpoch", lines.nextKeyValue("bestEpoch"), -1, Integer.MAX_VALUE);
            String stopped = lines.nextKeyValue("stoppedEarly");
            int count = (int) lines.parseLong("epochs", lines.nextKeyValue("epochs"), 0, 1 << 20);
            List<History.Epoch> epochs = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String[] f = lines.nextFields("epoch " + (i + 1) + " of " + count, 5);
                epochs.add(new History.Epoch(Integer.parseInt(f[0]), number(f[1]), number(f[2]), number(f[3]),
                        number(f[4])));
            }
            lines.expect("end");
            return new History(epochs, best, Boolean.parseBoolean(stopped));
        } catch (IOException | RuntimeException e) {
            throw new BundleFormatException(String.valueOf(e.getMessage()).contains(where) ? e.getMessage()
                    : where + ": " + e.getMessage(), e);
        }
    }

    private static double number(String text) {
        return Double.parseDouble(text.toLowerCase(Locale.ROOT).equals("nan") ? "NaN" : text);
    }
}
