package dev.nlpkit.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nlpkit.classify.TextClassifierOptions.EmbeddingSource;
import dev.nlpkit.classify.TextClassifierOptions.FastTextSource;
import dev.nlpkit.classify.TextClassifierOptions.PretrainedSource;
import dev.nlpkit.classify.TextClassifierOptions.RandomSource;
import dev.nlpkit.classify.TextClassifierOptions.Word2VecSource;
import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.linear.TfidfLogisticOptions;
import dev.nlpkit.embeddings.FastTextOptions;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.preprocess.PreprocessOptions;

/**
 * The bundle's "options" section: every field of {@link TextClassifierOptions} except the preprocessing (which
 * text-preprocess writes itself), one {@code record.component=value} line each, so that a field added later
 * does not shift the others. Record fields of type int, long, double, boolean, enum, String and Path are written
 * by name through the records' own components, which keeps this codec in step with the records. Word2Vec's
 * thread count is written as {@code embedding.word2vec.threads}; bundles from before that name have
 * {@code embedding.word2vec.workers}, which is still read.
 */
final class OptionsText {

    static final String KIND = "nlpkit-text-classifier-options";
    /**
     * 3: the blend and the threshold; the fastText source, the embedding's learning-rate factor and the recurrent
     * network's pooling (versions 1 and 2 are read without a blend, threshold 0.5, factor 1 and the last state);
     * 2: the network's architecture and its CNN and Transformer fields; version 1 is read as recurrent.
     */
    static final int VERSION = 3;

    private OptionsText() {
    }

    static String write(TextClassifierOptions options) {
        StringBuilder text = new StringBuilder(KIND + "\t" + VERSION + "\n");
        put(text, "sequence", options.sequence());
        EmbeddingSource source = options.embedding().source();
        text.append("embedding.source=").append(switch (source) {
            case Word2VecSource w -> "word2vec";
            case FastTextSource f -> "fasttext";
            case PretrainedSource p -> "pretrained";
            case RandomSource r -> "random";
        }).append('\n');
        text.append("embedding.fineTune=").append(options.embedding().fineTune()).append('\n');
        text.append("embedding.learningRateFactor=").append(options.embedding().learningRateFactor()).append('\n');
        switch (source) {
            case Word2VecSource w -> put(text, "embedding.word2vec", w.options());
            case FastTextSource f -> {
                put(text, "embedding.fasttext", f.options());
                text.append("embedding.fasttext.seed=").append(f.seed()).append('\n');
            }
            case PretrainedSource p -> put(text, "embedding.pretrained", p);
            case RandomSource r -> put(text, "embedding.random", r);
        }
        put(text, "network", options.network());
        put(text, "training", options.training());
        writeDecision(text, options.blend(), options.threshold());
        text.append("end\n");
        return text.toString();
    }

    static TextClassifierOptions read(String text, PreprocessOptions preprocess, String where)
            throws BundleFormatException {
        Map<String, String> values = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new StringReader(text))) {
            String header = in.readLine();
            if (header == null || !header.startsWith(KIND + "\t")) {
                throw new BundleFormatException(where + ": expected the header '" + KIND + "<TAB><version>'");
            }
            int version = parseVersion(header.substring(KIND.length() + 1), where);
            if (version > VERSION) {
                throw new BundleFormatException(where + ": options format " + version + " is newer than this "
                        + "nlpkit reads (" + VERSION + "); upgrade nlpkit");
            }
            String line;
            int number = 1;
            boolean ended = false;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.equals("end")) {
                    ended = true;
                    break;
                }
                int eq = line.indexOf('=');
                if (eq < 1) {
                    throw new BundleFormatException(where + ": line " + number + " is not key=value: " + line);
                }
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
            if (!ended) {
                throw new BundleFormatException(where + ": truncated: the line 'end' is missing");
            }
        } catch (IOException e) {
            throw e instanceof BundleFormatException b ? b
                    : new BundleFormatException(where + ": " + e.getMessage(), e);
        }
        // fields added since the first bundles of this format, read as what those bundles did: no gradient
        // clipping, and word2vec.c's HOGWILD Word2Vec (the only algorithm then; the batch sizes are HOGBATCH's)
        values.putIfAbsent("training.clipNorm", "0.0");
        // version 1 (before the architectures): a recurrent network, the other architectures' fields at their defaults
        values.putIfAbsent("network.architecture", TextClassifierOptions.Network.Architecture.RECURRENT.name());
        values.putIfAbsent("network.filters", Integer.toString(TextClassifierOptions.Network.DEFAULT_FILTERS));
        values.putIfAbsent("network.kernelSize", Integer.toString(TextClassifierOptions.Network.DEFAULT_KERNEL_SIZE));
        values.putIfAbsent("network.heads", Integer.toString(TextClassifierOptions.Network.DEFAULT_HEADS));
        values.putIfAbsent("network.feedForward", Integer.toString(TextClassifierOptions.Network.DEFAULT_FEED_FORWARD));
        // versions 1 and 2 (before the pooling and the embedding's rate factor): the last state, the common rate
        values.putIfAbsent("network.pooling", TextClassifierOptions.Network.Pooling.LAST.name());
        values.putIfAbsent("embedding.learningRateFactor", "1.0");
        if ("word2vec".equals(values.get("embedding.source"))) {
            values.putIfAbsent("embedding.word2vec.algorithm", "HOGWILD");
            values.putIfAbsent("embedding.word2vec.batchTargets", "0");    // HOGBATCH only; 0 = automatic
            values.putIfAbsent("embedding.word2vec.batchNegatives", "0");  // HOGBATCH only; 0 = negative
            // CBOW HOGBATCH's per-worker rows, added later: -1 = automatic, as embeddings' own model file reads it
            values.putIfAbsent("embedding.word2vec.batchPrivateWords", "-1");
            String workers = values.remove("embedding.word2vec.workers"); // the thread count's name until 0.1
            if (workers != null) {
                values.putIfAbsent("embedding.word2vec.threads", workers);
            }
        }
        TextClassifierOptions.Sequence sequence = get(values, "sequence", TextClassifierOptions.Sequence.class, where);
        String kind = require(values, "embedding.source", where);
        EmbeddingSource source = switch (kind) {
            case "word2vec" -> new Word2VecSource(get(values, "embedding.word2vec", Word2VecOptions.class, where));
            case "fasttext" -> new FastTextSource(get(values, "embedding.fasttext", FastTextOptions.class, where),
                    (Long) parse(Long.TYPE, require(values, "embedding.fasttext.seed", where), "embedding.fasttext.seed",
                            where));
            case "pretrained" -> get(values, "embedding.pretrained", PretrainedSource.class, where);
            case "random" -> get(values, "embedding.random", RandomSource.class, where);
            default -> throw new BundleFormatException(where + ": field 'embedding.source': expected word2vec, "
                    + "fasttext, pretrained or random, found '" + kind + "'");
        };
        boolean fineTune = (Boolean) parse(Boolean.TYPE, require(values, "embedding.fineTune", where),
                "embedding.fineTune", where);
        double rateFactor = (Double) parse(Double.TYPE, require(values, "embedding.learningRateFactor", where),
                "embedding.learningRateFactor", where);
        return new TextClassifierOptions(preprocess, sequence,
                new TextClassifierOptions.Embedding(source, fineTune, rateFactor),
                get(values, "network", TextClassifierOptions.Network.class, where),
                get(values, "training", TextClassifierOptions.Training.class, where), readBlend(values, where),
                get(values, "threshold", Threshold.class, where));
    }

    /** The blend and the threshold (options version 3). */
    private static void writeDecision(StringBuilder text, Blend blend, Threshold threshold) {
        text.append("blend.mode=").append(blend.mode().name()).append('\n');
        text.append("blend.weight=").append(blend.weight()).append('\n');
        put(text, "blend.linear", blend.linear());
        put(text, "threshold", threshold);
    }

    /** Reads the blend; versions 1 and 2 (no {@code blend.} fields) have none and the fixed threshold 0.5. */
    private static Blend readBlend(Map<String, String> values, String where) throws BundleFormatException {
        Blend none = Blend.none();
        values.putIfAbsent("blend.mode", none.mode().name());
        values.putIfAbsent("blend.weight", Double.toString(none.weight()));
        for (RecordComponent c : TfidfLogisticOptions.class.getRecordComponents()) {
            if (!values.containsKey("blend.linear." + c.getName())) {
                StringBuilder defaults = new StringBuilder();
                put(defaults, "blend.linear", none.linear());
                for (String line : defaults.toString().split("\n")) {
                    int eq = line.indexOf('=');
                    values.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
                }
                break;
            }
        }
        Threshold fixed = Threshold.defaults();
        values.putIfAbsent("threshold.mode", fixed.mode().name());
        values.putIfAbsent("threshold.value", Double.toString(fixed.value()));
        Blend.Mode mode = (Blend.Mode) parse(Blend.Mode.class, require(values, "blend.mode", where), "blend.mode",
                where);
        double weight = (Double) parse(Double.TYPE, require(values, "blend.weight", where), "blend.weight", where);
        TfidfLogisticOptions linear = get(values, "blend.linear", TfidfLogisticOptions.class, where);
        try {
            return new Blend(mode, weight, linear);
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where + ": invalid blend: " + e.getMessage(), e);
        }
    }

    private static int parseVersion(String text, String where) throws BundleFormatException {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BundleFormatException(where + ": the header's version is not a number: '" + text + "'");
        }
    }

    private static void put(StringBuilder text, String prefix, Record value) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + prefix + "." + c.getName(), e);
            }
            text.append(prefix).append('.').append(c.getName()).append('=')
                    .append(escape(v instanceof Path p ? p.toString() : String.valueOf(v))).append('\n');
        }
    }

    private static <R extends Record> R get(Map<String, String> values, String prefix, Class<R> type, String where)
            throws BundleFormatException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String key = prefix + "." + components[i].getName();
            types[i] = components[i].getType();
            args[i] = parse(types[i], require(values, key, where), key, where);
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new BundleFormatException(where + ": invalid " + prefix + ": " + e.getCause().getMessage(), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    private static String require(Map<String, String> values, String key, String where) throws BundleFormatException {
        String v = values.get(key);
        if (v == null) {
            throw new BundleFormatException(where + ": field '" + key + "' is missing");
        }
        return v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"}) // Enum.valueOf on a component type known to be an enum
    private static Object parse(Class<?> type, String raw, String key, String where) throws BundleFormatException {
        String text = unescape(raw);
        try {
            if (type == Integer.TYPE) {
                return Integer.parseInt(text);
            } else if (type == Long.TYPE) {
                return Long.parseLong(text);
            } else if (type == Double.TYPE) {
                return Double.parseDouble(text);
            } else if (type == Boolean.TYPE) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("expected true or false");
                }
                return Boolean.parseBoolean(text);
            } else if (type.isEnum()) {
                return Enum.valueOf((Class) type, text);
            } else if (type == String.class) {
                return text;
            } else if (type == Path.class) {
                return Path.of(text);
            }
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where + ": field '" + key + "': cannot read '" + text + "' as "
                    + type.getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
        throw new IllegalStateException("no codec for " + type + " (field " + key + ")");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String value) {
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char n = value.charAt(++i);
                b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
