package dev.nlpkit.recurrent.model;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.layers.Activation;
import dev.nlpkit.recurrent.layers.Dense;
import dev.nlpkit.recurrent.layers.DenseOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.EncoderDecoderAttention;
import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.RecurrentLayer;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.layers.TimeDistributedOptions;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.optim.Optimizer;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Encoder-decoder (Sutskever et al. 2014; Cho et al. 2014) for many-to-many tasks whose input and output
 * lengths differ:
 * <pre>
 *   encoder:  Embedding(source) -> RNN(returnState)                     final states s
 *   decoder:  Embedding(target) -> RNN(returnSequences, initial s) -> TimeDistributed(Dense(V, softmax))
 * </pre>
 * Training uses teacher forcing: the decoder reads {@code [START, y_1 .. y_n]} and is trained (softmax
 * cross-entropy, padding masked) to emit {@code [y_1 .. y_n, END]}. {@link #predict} decodes greedily: it feeds
 * back the arg max of each step until END or a length limit. Ids 0, 1, 2 of the target vocabulary are reserved
 * ({@link Seq2SeqOptions#PAD}, {@code START}, {@code END}).
 *
 * <p><b>Attention</b> ({@link Seq2SeqOptions#attention()} DOT or ADDITIVE): the encoder returns all its outputs
 * {@code [batch, S, H]} besides its final states, and an {@link EncoderDecoderAttention} sits between the decoder
 * and the output layer: at every decoder step it attends over all real source steps (the source padding mask) and
 * the output layer reads Luong's attentional hidden state {@code tanh(Wc [c_t; h_t])} instead of {@code h_t}.
 * Luong's combination was chosen over Bahdanau's (context fed into the decoder's input) because it leaves the
 * decoder an ordinary recurrent layer over all target steps, so training computes attention for all steps in a
 * few batched products (Luong's input feeding, the context fed to the next step's input, is not implemented).
 * Without attention ({@code NONE}, the default) the model is the first version's, weight for weight for the same
 * seed.
 *
 * <p>Parameters, in order: source embeddings, encoder (kernel, recurrent kernel, bias), target embeddings,
 * decoder (same three), the attention's ({@link EncoderDecoderAttention#parameters()}, with attention only),
 * output Dense (kernel, bias). Like {@link Sequential}, prediction is read-only and thread-safe once trained.
 */
public final class Seq2Seq {

    private static final String FORMAT = "nlpkit-seq2seq";
    /** Version 1 (no header field) had no attention; version 2 adds the {@code attention} header field. */
    private static final int VERSION = 2;

    private final Seq2SeqOptions options;
    private final Layer sourceEmbedding;
    private final RecurrentLayer encoder;
    private final Layer targetEmbedding;
    private final RecurrentLayer decoder;
    private final EncoderDecoderAttention attention;
    private final Layer output;
    private Optimizer optimizer;

    private Seq2Seq(Seq2SeqOptions options, long seed) {
        this.options = options;
        SplittableRandom seeds = new SplittableRandom(seed);
        Precision p = Precision.FLOAT32;
        int d = options.embeddingDimension();
        RecurrentOptions cell = new RecurrentOptions(options.cell(), options.units(), 0, 0, false, true, false, true);
        sourceEmbedding = EmbeddingOptions.random(options.sourceVocabulary(), d).build(Shape.tokens(), p,
                seeds.nextLong());
        boolean attends = options.attention() != Seq2SeqOptions.Attention.NONE;
        encoder = cell.withReturnSequences(attends).build(Shape.sequence(d), p, seeds.nextLong());
        targetEmbedding = EmbeddingOptions.random(options.targetVocabulary(), d).build(Shape.tokens(), p,
                seeds.nextLong());
        decoder = cell.withReturnSequences(true).build(Shape.sequence(d), p, seeds.nextLong());
        output = TimeDistributedOptions.of(DenseOptions.of(options.targetVocabulary(), Activation.SOFTMAX))
                .build(Shape.sequence(options.units()), p, seeds.nextLong());
        // drawn last, so that a model without attention gets the first version's weights for the same seed
        attention = attends ? EncoderDecoderAttention.create(options.attention().score(), options.units(), p,
                seeds.nextLong()) : null;
    }

    /**
     * A freshly initialized model.
     *
     * @param options the architecture
     * @param seed the seed of the weight initialization
     * @return the model, untrained
     */
    public static Seq2Seq create(Seq2SeqOptions options, long seed) {
        if (options == null) {
            throw new IllegalArgumentException("seq2seq options must not be null");
        }
        return new Seq2Seq(options, seed);
    }

    /**
     * The options.
     *
     * @return the options
     */
    public Seq2SeqOptions options() {
        return options;
    }

    /**
     * All parameters in the documented order.
     *
     * @return the parameters, unmodifiable
     */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        for (Layer l : List.of(sourceEmbedding, encoder, targetEmbedding, decoder)) {
            all.addAll(l.parameters());
        }
        if (attention != null) {
            all.addAll(attention.parameters());
        }
        all.addAll(output.parameters());
        return all;
    }

    /**
     * Trains with teacher forcing, through the module's one training loop; {@link #fit(int[][], int[][],
     * FitOptions, TrainingListener, List)} without callbacks of the user's.
     *
     * @param sources  source id rows (no padding needed; ids in {@code 1..sourceVocabulary-1})
     * @param targets  target id rows without START/END (ids in {@code 3..targetVocabulary-1})
     * @param fit      how to train (see the other overload for the options it honours and rejects)
     * @param listener progress events
     * @return the epoch-by-epoch history
     */
    public History fit(int[][] sources, int[][] targets, FitOptions fit, TrainingListener<BatchEnd, History.Epoch> listener) {
        return fit(sources, targets, fit, listener, List.of());
    }

    /**
     * Trains with teacher forcing, through the module's one training loop. Honoured: epochs and
     * {@code initialEpoch}, batch size, seed, shuffle, clipping, the divergence check, early stopping on the
     * training metrics ({@code LOSS}, {@code ACCURACY}) and the checkpoint (written by {@link #save} with the
     * optimizer state); the callbacks. Rejected with an {@link IllegalArgumentException} naming the option: a
     * loss other than {@link Loss#SPARSE_CATEGORICAL_CROSSENTROPY} (the decoder ends in a softmax over the target
     * vocabulary, masked by the target lengths), a validation split, early stopping on validation metrics, and
     * truncated BPTT.
     *
     * @param sources   source id rows (no padding needed; ids in {@code 1..sourceVocabulary-1})
     * @param targets   target id rows without START/END (ids in {@code 3..targetVocabulary-1})
     * @param fit       how to train
     * @param listener  progress events
     * @param callbacks the user's callbacks, possibly empty
     * @return the epoch-by-epoch history
     */
    public History fit(int[][] sources, int[][] targets, FitOptions fit, TrainingListener<BatchEnd, History.Epoch> listener,
                       List<Callback> callbacks) {
        rejectUnsupported(fit);
        if (sources.length != targets.length || sources.length == 0) {
            throw new IllegalArgumentException("seq2seq needs as many target rows as source rows (and at least one), "
                    + "got " + sources.length + " and " + targets.length);
        }
        int[][] decoderIn = new int[targets.length][];
        int[][] decoderOut = new int[targets.length][];
        for (int i = 0; i < targets.length; i++) {
            int n = targets[i].length;
            decoderIn[i] = new int[n + 1];
            decoderOut[i] = new int[n + 1];
            decoderIn[i][0] = Seq2SeqOptions.START;
            for (int t = 0; t < n; t++) {
                int id = targets[i][t];
                if (id <= Seq2SeqOptions.END || id >= options.targetVocabulary()) {
                    throw new IllegalArgumentException("target row " + i + ", step " + t + ": id " + id
                            + " is reserved or outside [3, " + options.targetVocabulary() + ")");
                }
                decoderIn[i][t + 1] = id;
                decoderOut[i][t] = id;
            }
            decoderOut[i][n] = Seq2SeqOptions.END;
        }
        Inputs src = Inputs.tokens(sources);
        Inputs dec = Inputs.tokens(decoderIn);
        Targets out = Targets.stepLabels(decoderOut);
        if (optimizer == null || !optimizer.options().equals(fit.optimizer())) {
            optimizer = Optimizer.create(fit.optimizer(), parameters());
        }
        Gradients grads = new Gradients();
        Trainer.Monitor monitor = new Trainer.Monitor(fit, false);
        Trainer.Run run = new Trainer.Run(trainerModel(), Trainer.callbacks(fit, monitor, callbacks));
        Trainer.Step batchStep = (idx, rng, epoch, b) -> {
            Loss.Evaluation e = step(src.batch(idx, Precision.FLOAT32), dec.batch(idx, Precision.FLOAT32), out, idx,
                    rng, grads);
            Trainer.beforeUpdate(run, grads, e.loss(), epoch, b);
            if (fit.clipValue() > 0) {
                grads.clipByValue(fit.clipValue());
            }
            if (fit.clipNorm() > 0) {
                grads.clipByGlobalNorm(fit.clipNorm());
            }
            optimizer.step(grads);
            grads.zero();
            return e;
        };
        return Trainer.fit(sources.length, fit, true, null, run, batchStep, listener, monitor);
    }

    /** Fails, naming the option, on the options an encoder-decoder cannot honour. */
    private static void rejectUnsupported(FitOptions fit) {
        if (fit.loss() != Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            throw new IllegalArgumentException("Seq2Seq trains with SPARSE_CATEGORICAL_CROSSENTROPY only (a softmax "
                    + "over the target vocabulary, masked by the target lengths); FitOptions.loss is " + fit.loss());
        }
        if (fit.validationSplit() > 0) {
            throw new IllegalArgumentException("Seq2Seq.fit does not hold out validation data; FitOptions."
                    + "validationSplit must be 0, got " + fit.validationSplit());
        }
        if (fit.truncation() != null) {
            throw new IllegalArgumentException("Seq2Seq.fit runs full BPTT only; FitOptions.truncation must be null, "
                    + "got " + fit.truncation());
        }
        if (fit.lengthBuckets() > 0) {
            throw new IllegalArgumentException("Seq2Seq.fit batches pairs in the shuffled order; FitOptions."
                    + "lengthBuckets must be 0, got " + fit.lengthBuckets());
        }
        FitOptions.EarlyStopping es = fit.earlyStopping();
        if (es != null && es.monitor() != null && es.monitor() != History.Metric.LOSS
                && es.monitor() != History.Metric.ACCURACY) {
            throw new IllegalArgumentException("Seq2Seq.fit has no validation data; FitOptions.earlyStopping cannot "
                    + "monitor " + es.monitor() + " (use LOSS or ACCURACY)");
        }
    }

    /** This model as the training loop sees it. */
    private Trainer.Model trainerModel() {
        return new Trainer.Model() {
            @Override
            public List<Tensor> snapshot() {
                List<Tensor> copy = new ArrayList<>();
                for (Parameter p : parameters()) {
                    copy.add(p.value().copy());
                }
                return copy;
            }

            @Override
            public void restore(List<Tensor> weights) {
                List<Parameter> ps = parameters();
                for (int i = 0; i < ps.size(); i++) {
                    weights.get(i).copyTo(0, ps.get(i).value(), 0, ps.get(i).size());
                    ps.get(i).markChanged();
                }
            }

            @Override
            public void save(Path file) throws IOException {
                Seq2Seq.this.save(file, true);
            }

            @Override
            public Optimizer optimizer() {
                return optimizer;
            }
        };
    }

    private Loss.Evaluation step(Signal src, Signal decIn, Targets out, int[] idx, SplittableRandom rng,
                                 Gradients grads) {
        Layer.Forward e1 = sourceEmbedding.forward(src, true, rng);
        Layer.Forward e2 = encoder.forward(e1.output(), null, true, rng);
        Layer.Forward d1 = targetEmbedding.forward(decIn, true, rng);
        Layer.Forward d2 = decoder.forward(d1.output(), RecurrentLayer.finalStates(e2), true, rng);
        EncoderDecoderAttention.Forward att = attend(e2.output(), d2.output());
        Layer.Forward d3 = output.forward(att == null ? d2.output() : Signal.sequence(att.output(),
                d2.output().mask()), true, rng);
        Signal o = d3.output();
        Targets.Batch t = out.batch(idx, o.time(), Precision.FLOAT32);
        boolean[] mask = t.mask().clone();
        for (int i = 0; i < mask.length; i++) {
            mask[i] &= o.real(i / o.time(), i % o.time());
        }
        Loss.Evaluation ev = Loss.SPARSE_CATEGORICAL_CROSSENTROPY.evaluate(o.values(), Dense.preActivation(d3),
                t.values(), mask, true);
        if (!Double.isFinite(ev.loss())) {
            return ev;
        }
        Tensor dDec = ((dev.nlpkit.recurrent.layers.TimeDistributed) output).dense()
                .backwardFromPreActivation(d3, ev.gradient(), grads);
        Tensor dEnc = null;
        if (att != null) {
            EncoderDecoderAttention.Backward ab = attention.backward(att, dDec, grads);
            dDec = ab.dDecoder();
            dEnc = ab.dEncoder();
        }
        RecurrentLayer.Backward db = decoder.backward(d2, dDec, null, grads);
        targetEmbedding.backward(d1, db.dInput(), grads);
        RecurrentLayer.Backward eb = encoder.backward(e2, dEnc, db.dInitialStates(), grads);
        sourceEmbedding.backward(e1, eb.dInput(), grads);
        return ev;
    }

    /** The attention over the encoder outputs {@code enc} from the decoder outputs {@code dec}; null without. */
    private EncoderDecoderAttention.Forward attend(Signal enc, Signal dec) {
        return attention == null ? null : attention.forward(enc.values(), enc.mask(), dec.values(), dec.mask());
    }

    /**
     * Saves options, weights and (when asked and present) the optimizer state in the {@link ModelFile} container
     * (same header, checksum and atomic write; header fields {@code format=nlpkit-seq2seq}, {@code version=2} and
     * {@code attention}; files of version 1, without the last two, load as models without attention).
     *
     * @param file the model file; an existing file is replaced only once the new one is complete
     * @param withOptimizerState true to save the optimizer's state too, to continue training later
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path file, boolean withOptimizerState) throws IOException {
        Map<String, String> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("version", Integer.toString(VERSION));
        header.put("attention", options.attention().name());
        header.put("options", options.sourceVocabulary() + " " + options.targetVocabulary() + " "
                + options.embeddingDimension() + " " + options.units() + " " + options.cell());
        Optimizer opt = withOptimizerState ? optimizer : null;
        if (opt != null) {
            header.put("optimizer", ModelFile.encode(opt.options()));
            header.put("optimizer.steps", Long.toString(opt.steps()));
        }
        ModelFile.writeFile(file, header, parameters(), opt == null ? List.of() : opt.slots());
    }

    /**
     * Loads an encoder-decoder saved by {@link #save}; errors name the file and the problem.
     *
     * @param file a file written by {@link #save}
     * @return the model, predicting exactly as the one saved
     * @throws IOException when the file cannot be read, or a {@link ModelFormatException} naming it
     */
    public static Seq2Seq load(Path file) throws IOException {
        ByteBuffer buf = ModelFile.readVerified(file);
        try {
            Map<String, String> header = ModelFile.readHeader(file, buf);
            String format = ModelFile.require(file, header, "format");
            if (!format.equals(FORMAT)) {
                throw new ModelFormatException(file, "holds a '" + format + "', not an encoder-decoder");
            }
            int version = Integer.parseInt(header.getOrDefault("version", "1"));
            if (version > VERSION) {
                throw new ModelFormatException(file, "holds an encoder-decoder of version " + version
                        + " written by a newer nlpkit; this build reads versions up to " + VERSION);
            }
            String[] o = ModelFile.require(file, header, "options").split(" ");
            Seq2SeqOptions.Attention attends = version == 1 ? Seq2SeqOptions.Attention.NONE
                    : Seq2SeqOptions.Attention.valueOf(ModelFile.require(file, header, "attention"));
            Seq2Seq model = new Seq2Seq(new Seq2SeqOptions(Integer.parseInt(o[0]), Integer.parseInt(o[1]),
                    Integer.parseInt(o[2]), Integer.parseInt(o[3]), RecurrentOptions.Cell.valueOf(o[4]), attends), 0L);
            ModelFile.readWeights(file, buf, model.parameters());
            int slots = buf.getInt();
            if (header.containsKey("optimizer")) {
                model.optimizer = Optimizer.create(ModelFile.decodeOptimizer(header.get("optimizer")),
                        model.parameters());
                List<Tensor> mine = model.optimizer.slots();
                if (slots != mine.size()) {
                    throw new ModelFormatException(file, "holds " + slots + " optimizer tensors, expected "
                            + mine.size());
                }
                for (Tensor t : mine) {
                    ModelFile.readTensor(file, buf, "slot", t);
                }
                model.optimizer.restore(mine, Long.parseLong(ModelFile.require(file, header, "optimizer.steps")));
            }
            return model;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException | ArrayIndexOutOfBoundsException e) {
            throw new ModelFormatException(file, "invalid content: " + e.getMessage());
        }
    }

    /**
     * Greedy decoding: for each source row, the target ids the decoder emits (without START/END), at most
     * {@code maxLength} of them.
     *
     * @param sources source id sequences, one per row
     * @param maxLength the most target ids emitted per row, >= 1
     * @param batchSize rows decoded together, >= 1
     * @return per row, the emitted target ids
     */
    public int[][] predict(int[][] sources, int maxLength, int batchSize) {
        int[][] result = new int[sources.length][];
        Inputs src = Inputs.tokens(sources);
        int v = options.targetVocabulary();
        for (int from = 0; from < sources.length; from += batchSize) {
            int[] idx = Dataset.range(from, Math.min(sources.length, from + batchSize));
            int b = idx.length;
            Layer.Forward e1 = sourceEmbedding.forward(src.batch(idx, Precision.FLOAT32), false, null);
            Layer.Forward e2 = encoder.forward(e1.output(), null, false, null);
            Tensor[] state = RecurrentLayer.finalStates(e2);
            int[] current = new int[b];
            Arrays.fill(current, Seq2SeqOptions.START);
            List<List<Integer>> emitted = new ArrayList<>();
            boolean[] done = new boolean[b];
            for (int i = 0; i < b; i++) {
                emitted.add(new ArrayList<>());
            }
            for (int step = 0; step < maxLength; step++) {
                Layer.Forward d1 = targetEmbedding.forward(Signal.tokens(current.clone(), b, 1, null), false, null);
                Layer.Forward d2 = decoder.forward(d1.output(), state, false, null);
                state = RecurrentLayer.finalStates(d2);
                EncoderDecoderAttention.Forward att = attend(e2.output(), d2.output());
                Signal top = att == null ? d2.output() : Signal.sequence(att.output(), null);
                Tensor probs = output.forward(top, false, null).output().values();
                boolean all = true;
                for (int i = 0; i < b; i++) {
                    int arg = 0;
                    for (int j = 1; j < v; j++) {
                        if (probs.get(i * v + j) > probs.get(i * v + arg)) {
                            arg = j;
                        }
                    }
                    current[i] = arg;
                    if (!done[i]) {
                        if (arg == Seq2SeqOptions.END) {
                            done[i] = true;
                        } else {
                            emitted.get(i).add(arg);
                        }
                    }
                    all &= done[i];
                }
                if (all) {
                    break;
                }
            }
            for (int i = 0; i < b; i++) {
                result[idx[i]] = emitted.get(i).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return result;
    }
}
