package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.BidirectionalOptions;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.LayerOptions;
import dev.nlpkit.recurrent.layers.LayerRegistry;
import dev.nlpkit.recurrent.layers.LayerSpec;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.RepeatVectorOptions;
import dev.nlpkit.recurrent.layers.Conv1DOptions;
import dev.nlpkit.recurrent.layers.GlobalPoolingOptions;
import dev.nlpkit.recurrent.layers.LayerNormalizationOptions;
import dev.nlpkit.recurrent.layers.MultiHeadSelfAttentionOptions;
import dev.nlpkit.recurrent.layers.PositionEmbeddingOptions;
import dev.nlpkit.recurrent.layers.AttentionPoolingOptions;
import dev.nlpkit.recurrent.layers.TransformerEncoderOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.TimeDistributedOptions;
import dev.nlpkit.recurrent.optim.LearningRate;
import dev.nlpkit.recurrent.optim.Optimizer;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.optim.OptimizerRegistry;
import dev.nlpkit.recurrent.optim.OptimizerSpec;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The model file: one file holding the layer options, the weights and optionally the optimizer state.
 * <pre>
 *   bytes 0-7    magic "NLPKRNN" + 0
 *   int32        format version (1)
 *   int64        total file length in bytes (detects truncation)
 *   int32 + utf8 header: "key=value" lines: input shape, precision, one line per layer's options,
 *                optimizer options and step count when saved
 *   int32        number of weight tensors; each: int32 + utf8 name, int32 rank, int32 dims..., float32 values
 *   int32        number of optimizer slot tensors (0 when not saved); same layout
 *   int64        CRC-32 of every preceding byte
 * </pre>
 * All numbers little-endian; weights always stored as float32. The stream forms ({@link #save(Sequential,
 * OutputStream, boolean)}, {@link #load(InputStream, String)}) read and write exactly these bytes, for containers
 * that hold a model among other sections. The file form is written to a temporary file in the target
 * directory and renamed atomically over the target, so a reader sees the old file or the new one, never a
 * partial one. Reading reports, naming the file: not a model file, a newer format version, truncation,
 * checksum mismatch, or options/weights that do not fit.
 */
public final class ModelFile {

    /** The format version this build writes and the newest it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final byte[] MAGIC = {'N', 'L', 'P', 'K', 'R', 'N', 'N', 0};

    private ModelFile() {
    }

    /**
     * Saves {@code model} (and its optimizer state when asked and present) to {@code file}, atomically.
     *
     * @param model the model to save
     * @param file the model file; an existing file is replaced only once the new one is complete
     * @param withOptimizerState true to save the optimizer's slots and step count too
     * @throws IOException when the folder is missing or not writable
     */
    public static void save(Sequential model, Path file, boolean withOptimizerState) throws IOException {
        Optimizer opt = withOptimizerState ? model.optimizer() : null;
        Map<String, String> header = header(model, opt);
        writeFile(file, header, model.parameters(), opt == null ? List.of() : opt.slots());
    }

    /**
     * Writes {@code model} (and its optimizer state when asked and present) to {@code out} in the same format as
     * {@link #save(Sequential, Path, boolean)}; the stream is not closed. Nothing touches the file system, so a
     * caller can put a model inside a container file of its own.
     *
     * @param model the model to write
     * @param out the stream to write to; not closed
     * @param withOptimizerState true to write the optimizer's slots and step count too
     * @throws IOException when writing fails
     */
    public static void save(Sequential model, OutputStream out, boolean withOptimizerState) throws IOException {
        Optimizer opt = withOptimizerState ? model.optimizer() : null;
        out.write(encodeFile("the model stream", header(model, opt), model.parameters(),
                opt == null ? List.of() : opt.slots()));
    }

    private static Map<String, String> header(Sequential model, Optimizer opt) {
        Map<String, String> header = new LinkedHashMap<>();
        Shape in = model.inputShape();
        header.put("format", "nlpkit-recurrent-model");
        header.put("input", in.kind() + " " + in.time() + " " + in.features());
        header.put("precision", model.precision().name());
        List<LayerOptions> options = model.layerOptions();
        header.put("layers", Integer.toString(options.size()));
        for (int i = 0; i < options.size(); i++) {
            header.put("layer." + i, encode(options.get(i)));
        }
        if (opt != null) {
            header.put("optimizer", encode(opt.options()));
            header.put("optimizer.steps", Long.toString(opt.steps()));
        }
        return header;
    }

    /** Writes a model file: header lines, named weight tensors, optimizer slots; atomically. */
    static void writeFile(Path file, Map<String, String> header, List<Parameter> params, List<Tensor> slots)
            throws IOException {
        AtomicFiles.write(file, encodeFile(file.toString(), header, params, slots));
    }

    /** The bytes of a model file: header lines, named weight tensors, optimizer slots, checksum. */
    static byte[] encodeFile(String target, Map<String, String> header, List<Parameter> params, List<Tensor> slots)
            throws IOException {
        StringBuilder text = new StringBuilder();
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        long size = 8 + 4 + 8 + 4 + headerBytes.length + 4 + 4 + 8;
        for (Parameter p : params) {
            size += tensorBytes(p.name(), p.value());
        }
        for (Tensor s : slots) {
            size += tensorBytes("slot", s);
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException(target + ": model of " + size + " bytes is too large for format version 1");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).putInt(FORMAT_VERSION).putLong(size).putInt(headerBytes.length).put(headerBytes);
        buf.putInt(params.size());
        for (Parameter p : params) {
            putTensor(buf, p.name(), p.value());
        }
        buf.putInt(slots.size());
        for (Tensor s : slots) {
            putTensor(buf, "slot", s);
        }
        CRC32 crc = new CRC32();
        crc.update(buf.array(), 0, buf.position());
        buf.putLong(crc.getValue());
        return buf.array();
    }

    /**
     * Loads a model (and its optimizer state, when saved).
     *
     * @param file a model file
     * @return the model
     * @throws IOException when the file cannot be read, or a {@link ModelFormatException} naming it and the problem
     */
    public static Sequential load(Path file) throws IOException {
        return load(Files.readAllBytes(file), file.toString());
    }

    /**
     * Loads a model from a stream holding exactly one model file (read to its end, not closed).
     *
     * @param in the model's bytes; read to the end, not closed
     * @param source what to call the stream in error messages (a file name, or a section of a container file)
     * @return the model
     * @throws IOException when reading fails, or a {@link ModelFormatException} naming {@code source} and the problem
     */
    public static Sequential load(InputStream in, String source) throws IOException {
        return load(in.readAllBytes(), source);
    }

    /**
     * Loads a model from a buffer holding exactly one model file, its bytes from position to limit (a section of a
     * memory-mapped container, read without a copy); the buffer itself is not moved.
     *
     * @param bytes the model's bytes
     * @param source what to call the bytes in error messages
     * @return the model
     * @throws IOException a {@link ModelFormatException} naming {@code source} and the problem
     */
    public static Sequential load(ByteBuffer bytes, String source) throws IOException {
        ByteBuffer buf = verify(bytes.slice(), source);
        try {
            return parse(source, buf);
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            throw new ModelFormatException(source, "invalid content: " + e.getMessage());
        }
    }

    private static Sequential load(byte[] bytes, String source) throws IOException {
        return load(ByteBuffer.wrap(bytes), source);
    }

    /**
     * Reads a file and checks magic, version, length and checksum; returns the buffer positioned at the header
     * length field.
     */
    static ByteBuffer readVerified(Path file) throws IOException {
        return verify(ByteBuffer.wrap(Files.readAllBytes(file)), file.toString());
    }

    /**
     * Checks magic, version, length and checksum of a model file's bytes (the whole of {@code bytes}, from index 0);
     * see {@link #readVerified}.
     */
    static ByteBuffer verify(ByteBuffer bytes, String file) throws IOException {
        int length = bytes.limit();
        if (length < 20) {
            throw new ModelFormatException(file, "only " + length + " bytes: not an nlpkit model file, or "
                    + "truncated");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (bytes.get(i) != MAGIC[i]) {
                throw new ModelFormatException(file, "not an nlpkit recurrent model file (bad magic bytes)");
            }
        }
        ByteBuffer buf = bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        buf.position(8);
        int version = buf.getInt();
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(file, "written in model format version " + version + " by a newer nlpkit; "
                    + "this build reads versions up to " + FORMAT_VERSION);
        }
        if (version < 1) {
            throw new ModelFormatException(file, "invalid format version " + version);
        }
        long declared = buf.getLong();
        if (length < declared) {
            throw new ModelFormatException(file, "truncated: the header declares " + declared + " bytes, the file "
                    + "has " + length);
        }
        if (length > declared) {
            throw new ModelFormatException(file, "the header declares " + declared + " bytes but the file has "
                    + length + " (trailing data)");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate().position(0).limit(length - 8));
        long stored = buf.getLong(length - 8);
        if (stored != crc.getValue()) {
            throw new ModelFormatException(file, "checksum mismatch (stored " + Long.toHexString(stored)
                    + ", computed " + Long.toHexString(crc.getValue()) + "): the file is corrupted");
        }
        return buf;
    }

    private static Sequential parse(String file, ByteBuffer buf) throws IOException {
        Map<String, String> header = readHeader(file, buf);
        String format = require(file, header, "format");
        if (!format.equals("nlpkit-recurrent-model")) {
            throw new ModelFormatException(file, "holds a '" + format + "', not a Sequential model");
        }
        String[] input = require(file, header, "input").split(" ");
        Shape shape = new Shape(Shape.Kind.valueOf(input[0]), Integer.parseInt(input[1]), Integer.parseInt(input[2]));
        Precision precision = Precision.valueOf(require(file, header, "precision"));
        int count = Integer.parseInt(require(file, header, "layers"));
        Sequential.Builder builder = Sequential.builder(shape);
        for (int i = 0; i < count; i++) {
            String line = require(file, header, "layer." + i);
            try {
                builder.add(decodeLayer(line));
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(file, "header field layer." + i + " (" + line + "): " + e.getMessage());
            }
        }
        Sequential model = builder.build(0L, precision);
        readWeights(file, buf, model.parameters());
        int slotCount = buf.getInt();
        if (header.containsKey("optimizer")) {
            Optimizer opt = model.newOptimizer(decodeOptimizer(header.get("optimizer")));
            List<Tensor> slots = opt.slots();
            if (slotCount != slots.size()) {
                throw new ModelFormatException(file, "holds " + slotCount + " optimizer tensors, expected "
                        + slots.size());
            }
            for (Tensor s : slots) {
                readTensor(file, buf, "slot", s);
            }
            opt.restore(slots, Long.parseLong(require(file, header, "optimizer.steps")));
        }
        return model;
    }

    static Map<String, String> readHeader(Path file, ByteBuffer buf) throws IOException {
        return readHeader(file.toString(), buf);
    }

    static Map<String, String> readHeader(String file, ByteBuffer buf) throws IOException {
        byte[] headerBytes = new byte[buf.getInt()];
        buf.get(headerBytes);
        Map<String, String> header = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(headerBytes, StandardCharsets.UTF_8).split("\n")) {
            lineNo++;
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new ModelFormatException(file, "header line " + lineNo + " has no '=': " + line);
            }
            header.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return header;
    }

    /** Reads the weight tensors into {@code params} (names and shapes must match). */
    static void readWeights(Path file, ByteBuffer buf, List<Parameter> params) throws IOException {
        readWeights(file.toString(), buf, params);
    }

    static void readWeights(String file, ByteBuffer buf, List<Parameter> params) throws IOException {
        int tensors = buf.getInt();
        if (tensors != params.size()) {
            throw new ModelFormatException(file, "holds " + tensors + " weight tensors, the layers need "
                    + params.size());
        }
        for (Parameter p : params) {
            readTensor(file, buf, p.name(), p.value());
            p.markChanged();
        }
    }

    static String require(Path file, Map<String, String> header, String key) throws ModelFormatException {
        return require(file.toString(), header, key);
    }

    static String require(String file, Map<String, String> header, String key) throws ModelFormatException {
        String v = header.get(key);
        if (v == null) {
            throw new ModelFormatException(file, "header field '" + key + "' is missing");
        }
        return v;
    }

    private static long tensorBytes(String name, Tensor t) {
        return 4L + name.getBytes(StandardCharsets.UTF_8).length + 4 + 4L * t.rank() + 4L * t.size();
    }

    private static void putTensor(ByteBuffer buf, String name, Tensor t) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        buf.putInt(n.length).put(n).putInt(t.rank());
        for (int d : t.shape()) {
            buf.putInt(d);
        }
        for (int i = 0; i < t.size(); i++) {
            buf.putFloat((float) t.get(i));
        }
    }

    static void readTensor(Path file, ByteBuffer buf, String expectedName, Tensor dst) throws IOException {
        readTensor(file.toString(), buf, expectedName, dst);
    }

    static void readTensor(String file, ByteBuffer buf, String expectedName, Tensor dst) throws IOException {
        byte[] n = new byte[buf.getInt()];
        buf.get(n);
        String name = new String(n, StandardCharsets.UTF_8);
        int rank = buf.getInt();
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = buf.getInt();
        }
        if (!name.equals(expectedName) || !java.util.Arrays.equals(dims, dst.shape())) {
            throw new ModelFormatException(file, "tensor '" + name + "' " + java.util.Arrays.toString(dims)
                    + " does not match the expected '" + expectedName + "' " + dst.shapeString());
        }
        if (dst instanceof FloatTensor f) {
            // one bulk little-endian decode (a copy, swapped only on a big-endian machine) instead of a call per float
            int count = f.size();
            buf.asFloatBuffer().get(f.data(), 0, count);
            buf.position(buf.position() + 4 * count);
        } else {
            for (int i = 0; i < dst.size(); i++) {
                dst.set(i, buf.getFloat());
            }
        }
    }

    // ------------------------------------------------------------------ option codecs

    static String encode(LayerOptions o) {
        return switch (o) {
            case EmbeddingOptions e -> "embedding vocabularySize=" + e.vocabularySize() + " dimension=" + e.dimension()
                    + " trainable=" + e.trainable() + " maskZero=" + e.maskZero();
            case DenseOptions d -> "dense " + dense(d);
            case DropoutOptions d -> "dropout rate=" + d.rate();
            case RecurrentOptions r -> "recurrent " + recurrent(r);
            case BidirectionalOptions b -> "bidirectional merge=" + b.merge() + " " + recurrent(b.layer());
            case TimeDistributedOptions t -> "timedistributed " + dense(t.dense());
            case RepeatVectorOptions r -> "repeatvector times=" + r.times();
            case Conv1DOptions c -> "conv1d filters=" + c.filters() + " kernelSize=" + c.kernelSize() + " padding="
                    + c.padding() + " dilation=" + c.dilation() + " activation=" + c.activation() + " useBias="
                    + c.useBias();
            case GlobalPoolingOptions g -> "globalpooling mode=" + g.mode();
            case LayerNormalizationOptions n -> "layernormalization epsilon=" + n.epsilon();
            case MultiHeadSelfAttentionOptions m -> "multiheadselfattention heads=" + m.heads() + " keyDim=" + m.keyDim()
                    + " causal=" + m.causal() + " useBias=" + m.useBias();
            case PositionEmbeddingOptions p -> "positionembedding mode=" + p.mode() + " maxLength=" + p.maxLength();
            case AttentionPoolingOptions a -> "attentionpooling units=" + a.units();
            case TransformerEncoderOptions t -> "transformerencoder heads=" + t.attention().heads() + " keyDim="
                    + t.attention().keyDim() + " useBias=" + t.attention().useBias() + " intermediateDim="
                    + t.intermediateDim() + " dropout=" + t.dropout() + " norm=" + t.norm() + " epsilon=" + t.epsilon();
            case LayerSpec u -> custom(u);
        };
    }

    /** A user layer: its registry type name, then its settings with URL-escaped values. */
    private static String custom(LayerSpec u) {
        StringBuilder sb = new StringBuilder("custom type=");
        String type = u.type();
        if (type == null || !type.matches("[A-Za-z0-9._$-]+")) {
            throw new IllegalArgumentException("user layer " + u.getClass().getName() + " has type name '" + type
                    + "': use letters, digits, '.', '_', '-' or '$'");
        }
        sb.append(type);
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(u.config()).entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9._-]+") || e.getKey().equals("type")) {
                throw new IllegalArgumentException("user layer " + type + " has setting name '" + e.getKey()
                        + "': use letters, digits, '.', '_' or '-' (and not 'type')");
            }
            sb.append(' ').append(e.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String dense(DenseOptions d) {
        return "units=" + d.units() + " activation=" + d.activation() + " useBias=" + d.useBias();
    }

    private static String recurrent(RecurrentOptions r) {
        return "cell=" + r.cell() + " units=" + r.units() + " dropout=" + r.dropout() + " recurrentDropout="
                + r.recurrentDropout() + " returnSequences=" + r.returnSequences() + " returnState=" + r.returnState()
                + " goBackwards=" + r.goBackwards() + " unitForgetBias=" + r.unitForgetBias();
    }

    static LayerOptions decodeLayer(String line) {
        String[] parts = line.split(" ");
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("expected key=value, got '" + parts[i] + "'");
            }
            kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        return switch (parts[0]) {
            case "embedding" -> new EmbeddingOptions(intOf(kv, "vocabularySize"), intOf(kv, "dimension"), null,
                    boolOf(kv, "trainable"), boolOf(kv, "maskZero"));
            case "dense" -> denseOf(kv);
            case "dropout" -> new DropoutOptions(doubleOf(kv, "rate"));
            case "recurrent" -> recurrentOf(kv);
            case "bidirectional" -> new BidirectionalOptions(recurrentOf(kv),
                    BidirectionalOptions.Merge.valueOf(get(kv, "merge")));
            case "timedistributed" -> new TimeDistributedOptions(denseOf(kv));
            case "repeatvector" -> new RepeatVectorOptions(intOf(kv, "times"));
            case "conv1d" -> new Conv1DOptions(intOf(kv, "filters"), intOf(kv, "kernelSize"),
                    Conv1DOptions.Padding.valueOf(get(kv, "padding")), intOf(kv, "dilation"),
                    Activation.valueOf(get(kv, "activation")), boolOf(kv, "useBias"));
            case "globalpooling" -> new GlobalPoolingOptions(GlobalPoolingOptions.Mode.valueOf(get(kv, "mode")));
            case "layernormalization" -> new LayerNormalizationOptions(doubleOf(kv, "epsilon"));
            case "multiheadselfattention" -> new MultiHeadSelfAttentionOptions(intOf(kv, "heads"),
                    intOf(kv, "keyDim"), boolOf(kv, "causal"), boolOf(kv, "useBias"));
            case "positionembedding" -> new PositionEmbeddingOptions(
                    PositionEmbeddingOptions.Mode.valueOf(get(kv, "mode")), intOf(kv, "maxLength"));
            case "attentionpooling" -> new AttentionPoolingOptions(intOf(kv, "units"));
            case "transformerencoder" -> new TransformerEncoderOptions(new MultiHeadSelfAttentionOptions(
                    intOf(kv, "heads"), intOf(kv, "keyDim"), false, boolOf(kv, "useBias")), intOf(kv, "intermediateDim"),
                    doubleOf(kv, "dropout"), TransformerEncoderOptions.Norm.valueOf(get(kv, "norm")),
                    doubleOf(kv, "epsilon"));
            case "custom" -> customOf(kv);
            default -> throw new IllegalArgumentException("unknown layer type '" + parts[0] + "'");
        };
    }

    private static LayerSpec customOf(Map<String, String> kv) {
        String type = get(kv, "type");
        Map<String, String> config = new LinkedHashMap<>();
        kv.forEach((k, v) -> {
            if (!k.equals("type")) {
                config.put(k, java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
            }
        });
        return LayerRegistry.create(type, config);
    }

    private static DenseOptions denseOf(Map<String, String> kv) {
        return new DenseOptions(intOf(kv, "units"), Activation.valueOf(get(kv, "activation")), boolOf(kv, "useBias"));
    }

    private static RecurrentOptions recurrentOf(Map<String, String> kv) {
        return new RecurrentOptions(RecurrentOptions.Cell.valueOf(get(kv, "cell")), intOf(kv, "units"),
                doubleOf(kv, "dropout"), doubleOf(kv, "recurrentDropout"), boolOf(kv, "returnSequences"),
                boolOf(kv, "returnState"), boolOf(kv, "goBackwards"), boolOf(kv, "unitForgetBias"));
    }

    static String encode(OptimizerOptions o) {
        return switch (o) {
            case OptimizerOptions.Sgd s -> "sgd lr=" + schedule(s.learningRate()) + " momentum=" + s.momentum()
                    + " kind=" + s.kind();
            case OptimizerOptions.Adam a -> "adam lr=" + schedule(a.learningRate()) + " beta1=" + a.beta1() + " beta2="
                    + a.beta2() + " epsilon=" + a.epsilon() + " weightDecay=" + a.weightDecay() + " sparseUpdate="
                    + a.sparseUpdate();
            case OptimizerOptions.RmsProp r -> "rmsprop lr=" + schedule(r.learningRate()) + " rho=" + r.rho()
                    + " epsilon=" + r.epsilon() + " momentum=" + r.momentum();
            case OptimizerSpec u -> customOptimizer(u);
        };
    }

    /** A user optimizer: its registry type name, its schedule, then its settings with URL-escaped values. */
    private static String customOptimizer(OptimizerSpec u) {
        StringBuilder sb = new StringBuilder("custom type=").append(u.type()).append(" lr=")
                .append(schedule(u.learningRate()));
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(u.config()).entrySet()) {
            if (!e.getKey().matches("[A-Za-z0-9._-]+") || e.getKey().equals("type") || e.getKey().equals("lr")) {
                throw new IllegalArgumentException("user optimizer " + u.type() + " has setting name '" + e.getKey()
                        + "': use letters, digits, '.', '_' or '-' (and not 'type' or 'lr')");
            }
            sb.append(' ').append(e.getKey()).append('=')
                    .append(java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private static String schedule(LearningRate lr) {
        return switch (lr) {
            case LearningRate.Constant c -> "constant:" + c.rate();
            case LearningRate.StepDecay s -> "step:" + s.initial() + ":" + s.factor() + ":" + s.stepSize();
            case LearningRate.ExponentialDecay e -> "exponential:" + e.initial() + ":" + e.decayRate() + ":"
                    + e.decaySteps();
        };
    }

    static OptimizerOptions decodeOptimizer(String line) {
        String[] parts = line.split(" ");
        Map<String, String> kv = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
        }
        LearningRate lr = scheduleOf(get(kv, "lr"));
        return switch (parts[0]) {
            case "sgd" -> new OptimizerOptions.Sgd(lr, doubleOf(kv, "momentum"),
                    OptimizerOptions.Momentum.valueOf(get(kv, "kind")));
            case "adam" -> new OptimizerOptions.Adam(lr, doubleOf(kv, "beta1"), doubleOf(kv, "beta2"),
                    doubleOf(kv, "epsilon"), doubleOf(kv, "weightDecay"),
                    OptimizerOptions.SparseUpdate.valueOf(get(kv, "sparseUpdate")));
            case "rmsprop" -> new OptimizerOptions.RmsProp(lr, doubleOf(kv, "rho"), doubleOf(kv, "epsilon"),
                    doubleOf(kv, "momentum"));
            case "custom" -> {
                Map<String, String> config = new LinkedHashMap<>();
                kv.forEach((k, v) -> {
                    if (!k.equals("type") && !k.equals("lr")) {
                        config.put(k, java.net.URLDecoder.decode(v, StandardCharsets.UTF_8));
                    }
                });
                yield OptimizerRegistry.create(get(kv, "type"), lr, config);
            }
            default -> throw new IllegalArgumentException("unknown optimizer '" + parts[0] + "'");
        };
    }

    private static LearningRate scheduleOf(String s) {
        String[] p = s.split(":");
        return switch (p[0]) {
            case "constant" -> new LearningRate.Constant(Double.parseDouble(p[1]));
            case "step" -> new LearningRate.StepDecay(Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Long.parseLong(p[3]));
            case "exponential" -> new LearningRate.ExponentialDecay(Double.parseDouble(p[1]), Double.parseDouble(p[2]),
                    Long.parseLong(p[3]));
            default -> throw new IllegalArgumentException("unknown learning-rate schedule '" + s + "'");
        };
    }

    private static String get(Map<String, String> kv, String key) {
        String v = kv.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return v;
    }

    private static int intOf(Map<String, String> kv, String key) {
        return Integer.parseInt(get(kv, key));
    }

    private static double doubleOf(Map<String, String> kv, String key) {
        return Double.parseDouble(get(kv, key));
    }

    private static boolean boolOf(Map<String, String> kv, String key) {
        String v = get(kv, key);
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("'" + key + "' must be true or false, got '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

}
