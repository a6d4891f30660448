package dev.nlpkit.examples.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;
import dev.nlpkit.recurrent.model.Inputs;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.label.LabelEncoder;
import dev.nlpkit.vectorize.sequence.Padding;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;
import dev.nlpkit.vectorize.sequence.SequenceOptions;
import dev.nlpkit.vectorize.sequence.Truncation;
import dev.nlpkit.vectorize.sequence.UnknownTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * A trained sentiment model and everything needed to apply it to new text: the preprocessing, the sequence
 * encoder (vocabulary and padding), the label mapping and the network. Saved as one {@link ModelBundle} with the
 * sections {@code info}, {@code preprocessing}, {@code sequence}, {@code vocabulary} (text-vectorize's format),
 * {@code labels} (text-vectorize's format) and {@code network} (recurrent's model file); each section carries its
 * own versioned header.
 */
public final class SentimentModel {

    private final Preprocessing preprocessing;
    private final SequenceEncoder encoder;
    private final LabelEncoder labels;
    private final Sequential network;
    private final Map<String, String> info;
    private TokenPipeline pipeline;

    public SentimentModel(Preprocessing preprocessing, SequenceEncoder encoder, LabelEncoder labels,
            Sequential network, Map<String, String> info) {
        if (labels.classCount() != 2) {
            throw new IllegalArgumentException("a sentiment model has two classes, got " + labels.classes());
        }
        this.preprocessing = preprocessing;
        this.encoder = encoder;
        this.labels = labels;
        this.network = network;
        this.info = Map.copyOf(info);
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public SequenceEncoder encoder() {
        return encoder;
    }

    public LabelEncoder labels() {
        return labels;
    }

    public Sequential network() {
        return network;
    }

    public Map<String, String> info() {
        return info;
    }

    /** The token pipeline of this model (built on first use: POS tagging loads Smile's model). */
    public synchronized TokenPipeline pipeline() {
        if (pipeline == null) {
            pipeline = TokenPipeline.of(preprocessing);
        }
        return pipeline;
    }

    /** P(class 1) of each tokenized text. */
    public double[] probabilities(List<List<String>> tokens) {
        int[][] ids = encoder.transform(tokens).ids();
        float[][] out = network.predict(Inputs.tokens(ids), 512);
        double[] p = new double[out.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = out[i][0];
        }
        return p;
    }

    /** P(class 1) of each raw text (preprocessed as in training). */
    public double[] predictTexts(List<String> texts) {
        return probabilities(pipeline().tokensBatch(texts, 1));
    }

    /** Writes the bundle atomically. */
    public void save(Path file) throws IOException {
        Path networkFile = Files.createTempFile("nlpkit-network", ".bin");
        try {
            network.save(networkFile, false);
            byte[] networkBytes = Files.readAllBytes(networkFile);
            ModelBundle.builder()
                    .text("info", w -> w.write(infoText(info)))
                    .text("preprocessing", w -> w.write(preprocessing.toText()))
                    .text("sequence", w -> w.write(sequenceText(encoder.options())))
                    .text("vocabulary", encoder.vocabulary()::write)
                    .text("labels", labels::write)
                    .binary("network", out -> out.write(networkBytes))
                    .build().write(file);
        } finally {
            Files.deleteIfExists(networkFile);
        }
    }

    /**
     * Reads a bundle written by {@link #save}.
     *
     * @throws BundleFormatException when the file is not a bundle, is truncated, corrupt, from a newer nlpkit, or a
     *                               section cannot be read (the message names the section)
     */
    public static SentimentModel load(Path file) throws IOException {
        ModelBundle bundle = ModelBundle.read(file);
        String where = file.toString();
        try {
            Preprocessing preprocessing = Preprocessing.parse(bundle.text("preprocessing"), where + "#preprocessing");
            SequenceOptions sequence = parseSequence(bundle.text("sequence"), where + "#sequence");
            Vocabulary vocabulary = Vocabulary.read(new LineReader(new BufferedReader(bundle.reader("vocabulary")),
                    where + "#vocabulary"));
            LabelEncoder labels = LabelEncoder.read(new LineReader(new BufferedReader(bundle.reader("labels")),
                    where + "#labels"));
            Path networkFile = Files.createTempFile("nlpkit-network", ".bin");
            Sequential network;
            try {
                Files.write(networkFile, bundle.open("network").readAllBytes());
                network = Sequential.load(networkFile);
            } catch (IOException | RuntimeException e) {
                throw new BundleFormatException(where + ": the network section cannot be read: " + e.getMessage(), e);
            } finally {
                Files.deleteIfExists(networkFile);
            }
            return new SentimentModel(preprocessing, SequenceEncoder.of(vocabulary, sequence), labels, network,
                    parseInfo(bundle.text("info")));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(e.getMessage(), e);
        }
    }

    static String infoText(Map<String, String> info) {
        StringBuilder text = new StringBuilder("info\t1\n");
        info.forEach((k, v) -> text.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return text.toString();
    }

    static Map<String, String> parseInfo(String text) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            in.readLine();
            String line;
            while ((line = in.readLine()) != null) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    info.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return info;
    }

    static String sequenceText(SequenceOptions o) {
        return "sequence\t1\nmaxLength=" + o.maxLength() + "\npadding=" + o.padding() + "\ntruncation="
                + o.truncation() + "\nunknown=" + o.unknown() + "\nnumWords=" + o.numWords() + "\n";
    }

    static SequenceOptions parseSequence(String text, String source) {
        String[] lines = text.split("\n");
        if (lines.length < 6 || !lines[0].startsWith("sequence\t")) {
            throw new IllegalArgumentException(source + ": expected 'sequence<TAB>1' and 5 key=value lines");
        }
        if (Integer.parseInt(lines[0].substring(9).strip()) > 1) {
            throw new IllegalArgumentException(source + ": sequence format is newer than this nlpkit reads (1)");
        }
        List<String> values = new ArrayList<>();
        for (int i = 1; i < 6; i++) {
            values.add(lines[i].substring(lines[i].indexOf('=') + 1));
        }
        return new SequenceOptions(Integer.parseInt(values.get(0)), Padding.valueOf(values.get(1)),
                Truncation.valueOf(values.get(2)), UnknownTokens.valueOf(values.get(3)),
                Integer.parseInt(values.get(4)));
    }
}
