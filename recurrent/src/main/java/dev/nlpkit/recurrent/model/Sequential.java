package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.core.Seeds;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.Dense;
import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerOptions;
import dev.nlpkit.recurrent.layers.LayerSpec;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.RecurrentLayer;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.layers.TimeDistributed;
import dev.nlpkit.recurrent.layers.TrainingBuffers;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.loss.LossFunction;
import dev.nlpkit.recurrent.optim.Optimizer;
import dev.nlpkit.recurrent.optim.OptimizerOptions;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A stack of layers, each fed the previous one's output, built with shape inference (Keras' {@code Sequential}).
 *
 * <pre>{@code
 * Sequential model = Sequential.builder(Shape.tokens())
 *         .add(EmbeddingOptions.random(50_000, 300))
 *         .add(DropoutOptions.of(0.5))
 *         .add(RecurrentOptions.lstm(100).withDropout(0.2).withRecurrentDropout(0.2))
 *         .add(DenseOptions.of(1, Activation.SIGMOID))
 *         .build(42L);
 * History h = model.fit(Dataset.of(Inputs.tokens(ids), Targets.binary(labels)), null,
 *         FitOptions.of(Loss.BINARY_CROSSENTROPY, OptimizerOptions.adam(1e-3)), TrainingListener.none());
 * float[][] p = model.predict(Inputs.tokens(newIds), 256);
 * }</pre>
 *
 * <p>Batches are batch-major; ragged inputs are padded per batch and their lengths travel as masks.
 * {@link #fit} updates the weights in place (and keeps the optimizer state for further fits and for saving);
 * {@link #predict} and {@link #evaluate} never write the weights, so a trained model may be queried from
 * several threads at once (not while it is being fitted); the only state {@link #predict} writes is its
 * thread-safe cache of the fused embedding projection ({@link InferenceOptions}). Determinism: same seed, same
 * data and one kernel thread give bit-identical weights.
 */
public final class Sequential {

    private final Shape input;
    private final Precision precision;
    private final List<Layer> layers;
    private final List<String> names;
    private Optimizer optimizer;
    private final FusedEmbedding fused;
    private volatile InferenceOptions inference = InferenceOptions.defaults();

    private Sequential(Shape input, Precision precision, List<Layer> layers, List<String> names) {
        this.input = input;
        this.precision = precision;
        this.layers = List.copyOf(layers);
        this.names = List.copyOf(names);
        this.fused = FusedEmbedding.of(this.layers, precision);
    }

    /**
     * Starts a model taking {@code input} per example.
     *
     * @param input the shape of one example (for example {@link Shape#tokens()})
     * @return a builder with no layers
     */
    public static Builder builder(Shape input) {
        return new Builder(input);
    }

    /** Collects layer options; {@link #build} infers every shape and initializes the weights. */
    public static final class Builder {
        private final Shape input;
        private final List<LayerOptions> options = new ArrayList<>();

        private Builder(Shape input) {
            if (input == null) {
                throw new IllegalArgumentException("input shape must not be null");
            }
            this.input = input;
        }

        /**
         * Appends a layer.
         *
         * @param layer the options of the next layer; it is built on the previous layer's output shape
         * @return this builder
         */
        public Builder add(LayerOptions layer) {
            if (layer == null) {
                throw new IllegalArgumentException("layer options must not be null");
            }
            if (layer instanceof RecurrentOptions r && r.returnState()) {
                throw new IllegalArgumentException("returnState is for encoder-decoder models (see Seq2Seq); a "
                        + "Sequential passes only the output to the next layer");
            }
            options.add(layer);
            return this;
        }

        /**
         * Builds in float32 with weights drawn from {@code seed}.
         *
         * @param seed the seed of the weight initialization
         * @return the model, untrained
         */
        public Sequential build(long seed) {
            return build(seed, Precision.FLOAT32);
        }

        /**
         * Builds in the given precision (FLOAT64 for gradient checks).
         *
         * @param seed the seed of the weight initialization
         * @param precision FLOAT32, or FLOAT64 for gradient checks
         * @return the model, untrained
         */
        public Sequential build(long seed, Precision precision) {
            if (options.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one layer");
            }
            List<Layer> built = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Map<String, Integer> counts = new HashMap<>();
            Shape shape = input;
            SplittableRandom seeds = new SplittableRandom(seed);
            for (int i = 0; i < options.size(); i++) {
                LayerOptions o = options.get(i);
                Layer layer;
                try {
                    layer = o.build(shape, precision, seeds.nextLong());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("layer " + i + " (" + o.getClass().getSimpleName()
                            + "): " + e.getMessage(), e);
                }
                String base = layer.typeName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("_$", "");
                int n = counts.merge(base, 1, Integer::sum);
                names.add(n == 1 ? base : base + "_" + (n - 1));
                built.add(layer);
                shape = layer.outputShape();
            }
            return new Sequential(input, precision, built, names);
        }

        /**
         * The options added so far.
         *
         * @return the layer options, in order, unmodifiable
         */
        public List<LayerOptions> options() {
            return List.copyOf(options);
        }
    }

    /**
     * The per-example input shape.
     *
     * @return the input shape
     */
    public Shape inputShape() {
        return input;
    }

    /**
     * The per-example output shape.
     *
     * @return the shape of the last layer's output
     */
    public Shape outputShape() {
        return layers.get(layers.size() - 1).outputShape();
    }

    /**
     * The precision of weights and computations.
     *
     * @return the precision
     */
    public Precision precision() {
        return precision;
    }

    /**
     * The layers, in order.
     *
     * @return the layers, unmodifiable
     */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * All parameters, layer by layer in each layer's packing order.
     *
     * @return the parameters, unmodifiable
     */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.parameters());
        }
        return all;
    }

    /**
     * The optimizer state of the last fit, or null.
     *
     * @return the optimizer, or null before the first fit
     */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * How {@link #predict} may trade memory for speed (default {@link InferenceOptions#defaults()}).
     *
     * @return the inference options
     */
    public InferenceOptions inferenceOptions() {
        return inference;
    }

    /**
     * Sets how {@link #predict} may trade memory for speed; takes effect at the next prediction.
     *
     * @param options the new options; not null
     */
    public void setInferenceOptions(InferenceOptions options) {
        if (options == null) {
            throw new IllegalArgumentException("inference options must not be null");
        }
        this.inference = options;
    }

    /**
     * Computes every row of the fused embedding projection table now, for the current weights, on the kernel
     * threads ({@link InferenceOptions}). Predictions otherwise compute each row the first time a batch holds its
     * token id, with the same bits ({@code RecurrentLayer#projectRow}), so this only moves that work earlier: before
     * timing, or before a batch run over most of the vocabulary. From then on predictions use the table whatever
     * {@code fuseAfterTokens} says, until the weights change.
     *
     * @return true when the table now holds every row; false when the model has no fusable Embedding -> recurrent
     *         start in float32, or the table would exceed {@code maxTableBytes}
     */
    public boolean fillFusedTable() {
        FusedEmbedding.Table table = fused == null ? null : fused.table(0, inference.withFuseAfterTokens(0));
        if (table == null) {
            return false;
        }
        table.fillAll(dev.nlpkit.recurrent.math.Parallelism.threads());
        return true;
    }

    void setOptimizer(Optimizer o) {
        this.optimizer = o;
    }

    /**
     * A Keras-style summary: layer name and type, output shape, parameter count; then total, trainable and
     * non-trainable parameter counts.
     *
     * @return the summary table, one line per layer, ending with a line break
     */
    public String summary() {
        String rule = "_".repeat(65);
        StringBuilder sb = new StringBuilder();
        sb.append("Model: \"sequential\"\n").append(rule).append('\n');
        sb.append(String.format(" %-28s%-26s%-10s%n", "Layer (type)", "Output Shape", "Param #"));
        sb.append("=".repeat(65)).append('\n');
        long total = 0;
        long trainable = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String name = names.get(i) + " (" + l.typeName() + ")";
            sb.append(String.format(" %-28s%-26s%-10d%n", name, l.outputShape().display(), l.parameterCount()));
            if (i < layers.size() - 1) {
                sb.append('\n');
            }
            total += l.parameterCount();
            trainable += l.trainableParameterCount();
        }
        sb.append("=".repeat(65)).append('\n');
        sb.append(String.format("Total params: %,d%n", total));
        sb.append(String.format("Trainable params: %,d%n", trainable));
        sb.append(String.format("Non-trainable params: %,d%n", total - trainable));
        sb.append(rule).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sequential[").append(input.display());
        for (Layer l : layers) {
            sb.append(" -> ").append(l.typeName()).append(l.outputShape().display());
        }
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ forward / backward

    /**
     * The forward results of every layer for one batch.
     *
     * @param forwards one forward result per layer, in layer order
     */
    public record Pass(List<Layer.Forward> forwards) {
        /**
         * The model output.
         *
         * @return the last layer's output
         */
        public Signal output() {
            return forwards.get(forwards.size() - 1).output();
        }
    }

    /**
     * Runs every layer on a batch (initial recurrent states zero).
     *
     * @param in the input batch, checked against {@link #inputShape()}
     * @param training true to apply dropout
     * @param rng the source of dropout masks (unused when not training)
     * @return every layer's forward result, for a backward pass
     */
    public Pass forward(Signal in, boolean training, SplittableRandom rng) {
        return forward(in, training, rng, null);
    }

    /** Runs every layer; {@code initialStates[i]} seeds recurrent layer {@code i} (null entries: zeros). */
    Pass forward(Signal in, boolean training, SplittableRandom rng, Tensor[][] initialStates) {
        List<Layer.Forward> out = new ArrayList<>(layers.size());
        Signal s = in;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            Layer.Forward f = (l instanceof RecurrentLayer r && initialStates != null && initialStates[i] != null)
                    ? r.forward(s, initialStates[i], training, rng) : l.forward(s, training, rng);
            if (l.options() instanceof LayerSpec) {
                UserLayerChecks.output(i, names.get(i), l, s, f == null ? null : f.output());
            }
            out.add(f);
            s = f.output();
        }
        return new Pass(out);
    }

    /** The logits of the output layer when its activation pairs with {@code loss}, else null. */
    Tensor fusedLogits(Pass pass, LossFunction loss) {
        Dense last = outputDense();
        if (last == null) {
            return null;
        }
        Activation a = last.options().activation();
        boolean pairs = (a == Activation.SIGMOID && loss == Loss.BINARY_CROSSENTROPY)
                || (a == Activation.SOFTMAX && loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        return pairs ? Dense.preActivation(pass.forwards().get(layers.size() - 1)) : null;
    }

    private Dense outputDense() {
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof Dense d) {
            return d;
        }
        return last instanceof TimeDistributed t ? t.dense() : null;
    }

    /**
     * Back-propagates a loss gradient (w.r.t. the output, or the output layer's logits when {@code onLogits})
     * into {@code grads}; {@code dFinalStates[i]} adds gradient on the final states of recurrent layer {@code i}.
     * Returns the gradients of the initial states of each recurrent layer (null for others).
     */
    Tensor[][] backward(Pass pass, Tensor grad, boolean onLogits, Gradients grads, Tensor[][] dFinalStates) {
        Tensor[][] dInitial = new Tensor[layers.size()][];
        Tensor d = grad;
        int learnsFrom = lowestLearningLayer();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            Layer.Forward f = pass.forwards().get(i);
            if (i < learnsFrom) {
                break;   // nothing at or below layer i learns: its backward would compute gradients no one uses
            }
            if (i == layers.size() - 1 && onLogits) {
                d = outputDense().backwardFromPreActivation(f, d, grads);
            } else if (l instanceof RecurrentLayer r) {
                RecurrentLayer.Backward b = r.backward(f, d, dFinalStates == null ? null : dFinalStates[i], grads,
                        i > learnsFrom);
                dInitial[i] = b.dInitialStates();
                d = b.dInput();
            } else {
                d = l.backward(f, d, grads);
                if (l.options() instanceof LayerSpec) {
                    Signal in = i == 0 ? null : pass.forwards().get(i - 1).output();
                    UserLayerChecks.gradient(i, names.get(i), l, in, d, grads);
                }
            }
            if (d == null) {
                break;
            }
        }
        return dInitial;
    }

    /**
     * The index of the lowest layer whose backward pass is needed: one with trainable parameters or a user layer
     * (whose backward is checked); layers below it only pass gradients down to layers that learn nothing.
     */
    private int lowestLearningLayer() {
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l.options() instanceof LayerSpec || l.parameters().stream().anyMatch(Parameter::trainable)) {
                return i;
            }
        }
        return layers.size();
    }

    /** Loss of one batch; with {@code grads} non-null also back-propagates it. */
    Loss.Evaluation lossAndGradient(Signal in, Targets targets, int[] rows, LossFunction loss, SplittableRandom rng,
                                    Gradients grads) {
        Pass pass = forward(in, grads != null, rng);
        Signal out = pass.output();
        Targets.Batch t = targetBatch(targets, rows, out);
        Loss.Evaluation e = loss.evaluate(out.values(), fusedLogits(pass, loss), t.values(),
                lossMask(out, t), grads != null);
        if (grads != null && Double.isFinite(e.loss())) {
            backward(pass, e.gradient(), e.onLogits(), grads, null);
        }
        return e;
    }

    private Targets.Batch targetBatch(Targets targets, int[] rows, Signal out) {
        boolean seq = out.kind() == Shape.Kind.SEQUENCE;
        if (targets.perStep() != seq) {
            throw new IllegalArgumentException("the model outputs " + outputShape().display() + " but the targets are "
                    + (targets.perStep() ? "per step" : "per example"));
        }
        return targets.batch(rows, out.time(), precision);
    }

    private static boolean[] lossMask(Signal out, Targets.Batch t) {
        if (out.kind() != Shape.Kind.SEQUENCE) {
            return null;
        }
        boolean[] m = t.mask().clone();
        if (out.mask() != null) {
            for (int i = 0; i < m.length; i++) {
                m[i] &= out.mask()[i];
            }
        }
        return m;
    }

    // ------------------------------------------------------------------ fit / evaluate / predict

    /**
     * Trains the model in place; {@link #fit(Dataset, Dataset, FitOptions, TrainingListener, List)} without
     * callbacks of the user's.
     *
     * @param train      training data
     * @param validation validation data, or null (then {@code options.validationSplit()} may hold some out)
     * @param options    how to train
     * @param listener   progress events (never null; use {@link TrainingListener#none()})
     * @return the epoch-by-epoch history
     * @throws TrainingDivergedException when a batch loss is NaN or infinite, or above
     *                                   {@link FitOptions#divergenceFactor()} times the first batch loss
     * @throws UncheckedIOException      when a checkpoint cannot be written
     */
    public History fit(Dataset train, Dataset validation, FitOptions options, TrainingListener<BatchEnd, History.Epoch> listener) {
        return fit(train, validation, options, listener, List.of());
    }

    /**
     * Trains the model in place through the module's one training loop ({@link Callback}): seeded shuffles,
     * one step per batch (full BPTT, or truncated BPTT windows with {@link FitOptions#truncation()}), validation
     * after each epoch; early stopping, the checkpoint and the divergence check from {@code options} run as
     * callbacks, then {@code callbacks} in order. A callback may end training ({@link Callback.Run#stop()}); the
     * history is returned as usual. Epochs are numbered from {@link FitOptions#initialEpoch()}.
     *
     * @param train      training data
     * @param validation validation data, or null (then {@code options.validationSplit()} may hold some out)
     * @param options    how to train
     * @param listener   progress events (never null; use {@link TrainingListener#none()})
     * @param callbacks  the user's callbacks, possibly empty
     * @return the epoch-by-epoch history
     * @throws TrainingDivergedException when a batch loss is NaN or infinite, or above
     *                                   {@link FitOptions#divergenceFactor()} times the first batch loss
     * @throws UncheckedIOException      when a checkpoint cannot be written
     */
    public History fit(Dataset train, Dataset validation, FitOptions options, TrainingListener<BatchEnd, History.Epoch> listener,
                       List<Callback> callbacks) {
        checkInputs(train.inputs());
        Dataset trainSet = train;
        Dataset valSet = validation;
        if (valSet == null && options.validationSplit() > 0) {
            int n = train.size();
            int held = (int) Math.floor(n * options.validationSplit());
            if (held < 1 || held >= n) {
                throw new IllegalArgumentException("validationSplit " + options.validationSplit() + " of " + n
                        + " examples leaves an empty training or validation set");
            }
            trainSet = Subset.of(train, 0, n - held);
            valSet = Subset.of(train, n - held, n);
        }
        if (valSet != null) {
            checkInputs(valSet.inputs());
        }
        if (optimizer == null || !optimizer.options().equals(options.optimizer())) {
            optimizer = Optimizer.create(options.optimizer(), parameters());
        }
        Gradients grads = new Gradients();
        Trainer.Monitor monitor = new Trainer.Monitor(options, valSet != null);
        Trainer.Run run = new Trainer.Run(trainerModel(), Trainer.callbacks(options, monitor, callbacks));
        Dataset data = trainSet;
        Dataset held = valSet;
        Trainer.Step step = (rows, rng, epoch, b) -> {
            Signal in = data.inputs().batch(rows, precision);
            return options.truncation() == null
                    ? fullStep(in, data.targets(), rows, options, rng, grads, run, epoch, b)
                    : TruncatedTraining.step(this, in, data.targets(), rows, options, rng, grads, run, epoch, b);
        };
        // Full BPTT runs one forward and one backward per batch, so the built-in layers may keep their step's
        // tensors from batch to batch (TrainingBuffers' lifetime rule); truncated BPTT keeps several forwards of a
        // layer alive at once and allocates afresh.
        boolean reuse = reuseBuffers && options.truncation() == null;
        reuseTrainingBuffers(reuse);
        try {
            return Trainer.fit(trainSet.size(), lengths(trainSet.inputs(), options), options,
                    options.loss().hasAccuracy(), held == null ? null : () -> evaluate(held, options.loss(), options.batchSize()), run, step,
                    listener, monitor);
        } finally {
            if (reuse) {
                reuseTrainingBuffers(false);
            }
        }
    }

    /** Each example's length, when {@link FitOptions#lengthBuckets()} asks for batches of similar lengths. */
    private static int[] lengths(Inputs inputs, FitOptions options) {
        if (options.lengthBuckets() == 0 || inputs.kind() == Shape.Kind.VECTOR) {
            return null;
        }
        int[] lengths = new int[inputs.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = inputs.length(i);
        }
        return lengths;
    }

    /** Whether {@code fit} lets the layers reuse their step buffers; tests turn it off to compare. */
    boolean reuseBuffers = true;

    /** Turns buffer reuse of the built-in layers on or off ({@link TrainingBuffers}; off releases them). */
    private void reuseTrainingBuffers(boolean on) {
        for (Layer l : layers) {
            if (l instanceof TrainingBuffers buffered) {
                buffered.reuseTrainingBuffers(on);
            }
        }
    }

    /** This model as the training loop sees it. */
    private Trainer.Model trainerModel() {
        return new Trainer.Model() {
            @Override
            public List<Tensor> snapshot() {
                return Sequential.this.snapshot();
            }

            @Override
            public void restore(List<Tensor> weights) {
                Sequential.this.restore(weights);
            }

            @Override
            public void save(Path file) throws IOException {
                ModelFile.save(Sequential.this, file, true);
            }

            @Override
            public Optimizer optimizer() {
                return optimizer;
            }
        };
    }

    private Loss.Evaluation fullStep(Signal in, Targets targets, int[] rows, FitOptions options, SplittableRandom rng,
                                     Gradients grads, Trainer.Run run, int epoch, int batch) {
        Loss.Evaluation e = lossAndGradient(in, targets, rows, options.loss(), rng, grads);
        Trainer.beforeUpdate(run, grads, e.loss(), epoch, batch);
        applyUpdate(grads, options);
        return e;
    }

    void applyUpdate(Gradients grads, FitOptions options) {
        if (options.clipValue() > 0) {
            grads.clipByValue(options.clipValue());
        }
        if (options.clipNorm() > 0) {
            grads.clipByGlobalNorm(options.clipNorm());
        }
        optimizer.step(grads);
        grads.zero();
    }

    /** The seed of batch {@code batch} in epoch {@code epoch} (dropout masks): {@link Seeds}. */
    static long mix(long seed, int epoch, int batch) {
        return Seeds.derive(seed, epoch, batch);
    }

    /**
     * Loss and accuracy.
     *
     * @param loss     mean loss over real rows
     * @param accuracy accuracy (NaN for regression)
     */
    public record Metrics(double loss, double accuracy) {
    }

    /**
     * Mean loss and accuracy over {@code data}, batched, without dropout. Sequences are batched in order of
     * length (shortest first), so that each batch is padded to little more than its own rows' length; the means
     * do not depend on the batching beyond float rounding.
     *
     * @param data the inputs and targets
     * @param loss the loss to average
     * @param batchSize examples per batch, >= 1
     * @return the mean loss and accuracy
     */
    public Metrics evaluate(Dataset data, LossFunction loss, int batchSize) {
        checkInputs(data.inputs());
        double lossSum = 0;
        double accSum = 0;
        long rowsSum = 0;
        int[] order = Dataset.range(0, data.size());
        if (data.inputs().kind() != Shape.Kind.VECTOR) {
            int[] lengths = new int[data.size()];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = data.inputs().length(i);
            }
            int[] sorted = new int[order.length];
            Trainer.bucket(order, lengths, order.length, sorted);
            order = sorted;
        }
        for (int from = 0; from < data.size(); from += batchSize) {
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(data.size(), from + batchSize));
            Signal in = data.inputs().batch(rows, precision);
            Loss.Evaluation e = lossAndGradient(in, data.targets(), rows, loss, null, null);
            lossSum += e.loss() * e.rows();
            accSum += Double.isNaN(e.accuracy()) ? 0 : e.accuracy() * e.rows();
            rowsSum += e.rows();
        }
        return new Metrics(lossSum / Math.max(1, rowsSum),
                !loss.hasAccuracy() ? Double.NaN : accSum / Math.max(1, rowsSum));
    }

    /**
     * Predictions for per-example outputs ({@code [n][K]}), computed in batches without dropout. Safe to call
     * from several threads on a trained model.
     *
     * <p>Each batch is cut into one slice per kernel thread ({@link dev.nlpkit.recurrent.math.Parallelism}),
     * and each slice runs the whole model on its own thread: the per-step products of a recurrent layer
     * ({@code [batch, H] x [H, G*H]}) are too small to share between threads at every step. Recurrent layers
     * run their inference path ({@link RecurrentLayer#infer}), and a model starting Embedding -> Dropout* ->
     * recurrent layer may gather its first input projections from a precomputed table
     * ({@link InferenceOptions}). Results equal {@link #forward forward(batch, false, null)} within float
     * rounding; for a given thread count and options they are deterministic.
     *
     * @param inputs the examples
     * @param batchSize examples per batch, >= 1
     * @return one row of outputs per example
     */
    public float[][] predict(Inputs inputs, int batchSize) {
        checkInputs(inputs);
        if (outputShape().kind() != Shape.Kind.VECTOR) {
            throw new IllegalArgumentException("the model outputs sequences " + outputShape().display()
                    + "; use predictSequences");
        }
        int k = outputShape().features();
        float[][] out = new float[inputs.size()][];
        inferBatches(inputs, batchSize, (rows, o) -> {
            Tensor y = o.values();
            for (int b = 0; b < rows.length; b++) {
                float[] row = new float[k];
                for (int j = 0; j < k; j++) {
                    row[j] = (float) y.get(b * k + j);
                }
                out[rows[b]] = row;
            }
        });
        return out;
    }

    /**
     * Predictions for per-step outputs, {@code [n][steps][K]}, each example cut to its real steps (its input
     * length, minus the steps a {@code Conv1D} with valid padding drops, or the fixed output length after a
     * RepeatVector). Thread-safe and computed as {@link #predict}.
     *
     * @param inputs the examples
     * @param batchSize examples per batch, >= 1
     * @return per example, one row of outputs per real step
     */
    public float[][][] predictSequences(Inputs inputs, int batchSize) {
        checkInputs(inputs);
        if (outputShape().kind() != Shape.Kind.SEQUENCE) {
            throw new IllegalArgumentException("the model outputs one vector per example " + outputShape().display()
                    + "; use predict");
        }
        int k = outputShape().features();
        float[][][] out = new float[inputs.size()][][];
        inferBatches(inputs, batchSize, (rows, o) -> {
            int time = o.time();
            // A layer may shorten every row by the same number of steps (Conv1D with valid padding): the batch
            // was padded to its longest row, so the shortening is that length minus the output's.
            int longest = 0;
            for (int r : rows) {
                longest = Math.max(longest, inputs.length(r));
            }
            int shortening = Math.max(0, longest - time);
            for (int b = 0; b < rows.length; b++) {
                int steps = outputShape().time() > 0 ? time : Math.max(0, inputs.length(rows[b]) - shortening);
                float[][] seq = new float[steps][k];
                for (int t = 0; t < steps; t++) {
                    for (int j = 0; j < k; j++) {
                        seq[t][j] = (float) o.values().get((b * time + t) * k + j);
                    }
                }
                out[rows[b]] = seq;
            }
        });
        return out;
    }

    /** Fewest rows worth a slice of their own thread. */
    private static final int MIN_ROWS_PER_SLICE = 8;

    /** Runs inference over {@code inputs} in batches, each cut into per-thread slices handed to {@code sink}. */
    private void inferBatches(Inputs inputs, int batchSize, java.util.function.BiConsumer<int[], Signal> sink) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int[] rows = Dataset.range(from, Math.min(inputs.size(), from + batchSize));
            FusedEmbedding.Table table = fused == null ? null : fused.table(tokenCount(inputs, rows), inference);
            int slices = Math.max(1, Math.min(dev.nlpkit.recurrent.math.Parallelism.threads(),
                    rows.length / MIN_ROWS_PER_SLICE));
            dev.nlpkit.recurrent.math.Parallelism.forEachPart(slices, slice -> {
                int[] part = java.util.Arrays.copyOfRange(rows, (int) ((long) rows.length * slice / slices),
                        (int) ((long) rows.length * (slice + 1) / slices));
                sink.accept(part, infer(inputs.batch(part, precision), table));
            });
        }
    }

    private static long tokenCount(Inputs inputs, int[] rows) {
        long n = 0;
        for (int r : rows) {
            n += inputs.length(r);
        }
        return n;
    }

    /**
     * The model output for one batch at inference: {@link #forward} without dropout, through each recurrent
     * layer's {@link RecurrentLayer#infer} path, and with the first layers replaced by the gather of
     * {@code table} when it is not null (its rows for this batch's ids computed first, when missing).
     */
    private Signal infer(Signal in, FusedEmbedding.Table table) {
        Signal s = in;
        int first = 0;
        if (table != null) {
            boolean[] mask = fused.embedding().maskOf(in);
            table.fill(in.tokens());
            s = fused.recurrent().inferFromTable(in.tokens(), mask, in.batch(), in.time(), table.values());
            first = fused.recurrentIndex() + 1;
        }
        for (int i = first; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l instanceof RecurrentLayer r) {
                s = r.infer(s);
            } else {
                Signal next = l.forward(s, false, null).output();
                if (l.options() instanceof LayerSpec) {
                    UserLayerChecks.output(i, names.get(i), l, s, next);
                }
                s = next;
            }
        }
        return s;
    }

    private void checkInputs(Inputs inputs) {
        if (inputs.kind() != input.kind()) {
            throw new IllegalArgumentException("the model takes " + input.kind() + " inputs " + input.display()
                    + ", got " + inputs.kind());
        }
        if (inputs instanceof Inputs.Sequences s && s.features() != input.features()) {
            throw new IllegalArgumentException("the model takes sequences of " + input.features()
                    + " features, got " + s.features());
        }
        if (inputs instanceof Inputs.Vectors v && v.values()[0].length != input.features()) {
            throw new IllegalArgumentException("the model takes vectors of " + input.features() + " features, got "
                    + v.values()[0].length);
        }
    }

    // ------------------------------------------------------------------ weights and files

    /**
     * Copies of all parameter values, in {@link #parameters()} order.
     *
     * @return fresh copies, one per parameter
     */
    public List<Tensor> snapshot() {
        List<Tensor> copy = new ArrayList<>();
        for (Parameter p : parameters()) {
            copy.add(p.value().copy());
        }
        return copy;
    }

    /**
     * Overwrites all parameter values with {@code values} (same order and sizes as {@link #snapshot()}).
     *
     * @param values the values to copy in, as returned by {@link #snapshot()}
     */
    public void restore(List<Tensor> values) {
        List<Parameter> ps = parameters();
        if (values.size() != ps.size()) {
            throw new IllegalArgumentException("expected " + ps.size() + " weight tensors, got " + values.size());
        }
        for (int i = 0; i < ps.size(); i++) {
            Tensor dst = ps.get(i).value();
            if (values.get(i).size() != dst.size()) {
                throw new IllegalArgumentException("weight tensor " + i + " (" + ps.get(i) + ") has "
                        + values.get(i).size() + " values, expected " + dst.size());
            }
            values.get(i).copyTo(0, dst, 0, dst.size());
            ps.get(i).markChanged();
        }
    }

    /**
     * Saves options, weights and (when {@code withOptimizerState}) the optimizer state; see {@link ModelFile}.
     *
     * @param file the model file; an existing file is replaced only once the new one is complete
     * @param withOptimizerState true to save the optimizer's slots and step count too, to continue training later
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path file, boolean withOptimizerState) throws IOException {
        ModelFile.save(this, file, withOptimizerState);
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @param file a file written by {@link #save}
     * @return the model, predicting exactly as the one saved
     * @throws IOException when the file cannot be read, or a {@link ModelFormatException} naming it
     */
    public static Sequential load(Path file) throws IOException {
        return ModelFile.load(file);
    }

    /**
     * Writes options and weights (no optimizer state) to {@code out}, the bytes of {@link ModelFile}; the stream is
     * not closed. For a model that lives inside a container of its own (a classifier bundle).
     *
     * @param out the stream to write to; not closed
     * @throws IOException when writing fails
     */
    public void save(OutputStream out) throws IOException {
        ModelFile.save(this, out, false);
    }

    /**
     * Reads a model written by {@link #save(OutputStream)} (or a model file's bytes) from {@code in}, to its end.
     *
     * @param in the model's bytes; read to the end, not closed
     * @return the model, predicting exactly as the one saved
     * @throws ModelFormatException naming "the model stream" when the bytes are not a model, truncated or corrupt
     */
    public static Sequential load(InputStream in) throws IOException {
        return ModelFile.load(in, "the model stream");
    }

    /**
     * Reads a model written by {@link #save(OutputStream)} from a buffer holding exactly its bytes (position to
     * limit), without copying them first: e.g. a section of a memory-mapped container file. The buffer's position
     * is not changed.
     *
     * @param bytes the model's bytes
     * @return the model, predicting exactly as the one saved
     * @throws ModelFormatException naming "the model buffer" when the bytes are not a model, truncated or corrupt
     */
    public static Sequential load(java.nio.ByteBuffer bytes) throws IOException {
        return ModelFile.load(bytes, "the model buffer");
    }

    /** The option list the model was built from (for saving). */
    List<LayerOptions> layerOptions() {
        List<LayerOptions> out = new ArrayList<>();
        for (Layer l : layers) {
            out.add(l.options());
        }
        return out;
    }

    /** Replaces the optimizer state with a fresh one for {@code options} (loading). */
    Optimizer newOptimizer(OptimizerOptions options) {
        optimizer = Optimizer.create(options, parameters());
        return optimizer;
    }
}
