package dev.nlpkit.recurrent.check;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerOptions;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Finite-difference gradient check of a layer, built in double precision: the check the built-in layers pass in
 * their contract test, published so that a user checks their own layer ({@link dev.nlpkit.recurrent.layers.LayerSpec})
 * the same way (DL4J's {@code GradientCheckUtil}, PyTorch's {@code gradcheck}).
 *
 * <pre>{@code
 * GradientCheck.Report report = GradientCheck.of(new GlobalMaxPoolOptions(), Shape.sequence(4)).run();
 * report.requirePassed();   // throws GradientCheck.Failure naming the worst tensor and its error
 * }</pre>
 *
 * <p>The layer is built in {@link Precision#FLOAT64} from the options and a seed; a random batch of
 * {@value #BATCH} examples is made for its input shape (sequences of {@value #TIME} steps with real lengths
 * 5, 3 and 2, so masks are exercised; token ids in {@code 1..vocabulary-1} for token inputs, see
 * {@link #withVocabulary}); the objective is {@code sum(output * W)} for a fixed random {@code W}. The analytic
 * gradient from {@link Layer#backward} is compared, for every parameter and for the input values, with central
 * differences ({@code eps} {@value #EPS}); the relative error of an entry is
 * {@code |a - n| / max(|a|, |n|, 1e-6)}. Dropout masks are fixed by the seed (the same generator state on every
 * forward), so layers with dropout check too. Max-like layers are not differentiable at ties: random inputs make
 * ties improbable.
 */
public final class GradientCheck {

    /** Step of the central differences (double precision: truncation about 1e-10, round-off about 1e-11). */
    public static final double EPS = 1e-5;
    /** The default largest relative error that passes. */
    public static final double DEFAULT_TOLERANCE = 1e-4;
    /** Examples in the check batch. */
    public static final int BATCH = 3;
    /** Steps of the check batch for sequence and token inputs. */
    public static final int TIME = 5;

    private static final int[] LENGTHS = {5, 3, 2};

    private final LayerOptions options;
    private final Shape input;
    private final long seed;
    private final double tolerance;
    private final int samples;
    private final int vocabulary;

    private GradientCheck(LayerOptions options, Shape input, long seed, double tolerance, int samples,
                          int vocabulary) {
        this.options = options;
        this.input = input;
        this.seed = seed;
        this.tolerance = tolerance;
        this.samples = samples;
        this.vocabulary = vocabulary;
    }

    /**
     * A check of the layer {@code options} build for {@code input}, seed 42, tolerance {@value #DEFAULT_TOLERANCE},
     * every entry of tensors up to 200 entries (200 sampled ones of larger tensors).
     *
     * @param options the layer
     * @param input   its per-example input shape
     * @return the check, ready to {@link #run()}
     */
    public static GradientCheck of(LayerOptions options, Shape input) {
        if (options == null || input == null) {
            throw new IllegalArgumentException("a gradient check needs layer options and an input shape");
        }
        return new GradientCheck(options, input, 42L, DEFAULT_TOLERANCE, 200, 7);
    }

    /**
     * A copy with another seed (weights, inputs, objective weights, dropout masks).
     *
     * @param s the seed
     * @return the copy
     */
    public GradientCheck withSeed(long s) {
        return new GradientCheck(options, input, s, tolerance, samples, vocabulary);
    }

    /**
     * A copy with another tolerance on the relative error.
     *
     * @param t the tolerance, &gt; 0
     * @return the copy
     */
    public GradientCheck withTolerance(double t) {
        if (!(t > 0)) {
            throw new IllegalArgumentException("tolerance must be > 0, got " + t);
        }
        return new GradientCheck(options, input, seed, t, samples, vocabulary);
    }

    /**
     * A copy checking at most {@code n} entries per tensor (chosen by the seed).
     *
     * @param n entries per tensor, &gt;= 1
     * @return the copy
     */
    public GradientCheck withSamples(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + n);
        }
        return new GradientCheck(options, input, seed, tolerance, n, vocabulary);
    }

    /**
     * A copy drawing token ids in {@code 1..v-1} (for layers taking token inputs).
     *
     * @param v the vocabulary size, &gt;= 2
     * @return the copy
     */
    public GradientCheck withVocabulary(int v) {
        if (v < 2) {
            throw new IllegalArgumentException("vocabulary must be >= 2, got " + v);
        }
        return new GradientCheck(options, input, seed, tolerance, samples, v);
    }

    /**
     * The outcome.
     *
     * @param errors      the largest relative error per checked tensor ({@code "input"} and the parameter
     *                    names, as {@code name[shape]}), in check order
     * @param worstTensor the tensor with the largest error
     * @param worstError  the largest relative error
     * @param tolerance   the tolerance it was compared with
     */
    public record Report(Map<String, Double> errors, String worstTensor, double worstError, double tolerance) {

        /** Copies the map. */
        public Report {
            errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        }

        /**
         * Whether every checked entry is within the tolerance.
         *
         * @return true when passed
         */
        public boolean passed() {
            return worstError <= tolerance;
        }

        /**
         * Throws when the check failed.
         *
         * @throws Failure naming the worst tensor, its error and the tolerance
         */
        public void requirePassed() {
            if (!passed()) {
                throw new Failure(this);
            }
        }

        @Override
        public String toString() {
            return (passed() ? "gradient check passed" : "gradient check FAILED") + ": largest relative error "
                    + String.format(java.util.Locale.ROOT, "%.3g", worstError) + " in " + worstTensor
                    + " (tolerance " + tolerance + "); per tensor " + errors;
        }
    }

    /** A failed gradient check (an ordinary runtime exception, not a test framework's assertion error). */
    public static final class Failure extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        /** The report. */
        private final transient Report report;

        Failure(Report report) {
            super(report.toString());
            this.report = report;
        }

        /**
         * The report of the failed check.
         *
         * @return the report
         */
        public Report report() {
            return report;
        }
    }

    /**
     * Builds the layer and compares its analytic gradients with finite differences.
     *
     * @return the report (see {@link Report#requirePassed()})
     */
    public Report run() {
        SplittableRandom rng = new SplittableRandom(seed);
        Layer layer = options.build(input, Precision.FLOAT64, rng.nextLong());
        Signal in = batch(rng);
        long maskSeed = rng.nextLong();
        Layer.Forward f = layer.forward(in, true, new SplittableRandom(maskSeed));
        Tensor w = f.output().values().copy();
        for (int i = 0; i < w.size(); i++) {
            w.set(i, rng.nextDouble(-1, 1));
        }
        Gradients grads = new Gradients();
        Tensor dInput = layer.backward(f, w.copy(), grads);
        DoubleSupplier objective = () -> {
            Tensor y = layer.forward(in, true, new SplittableRandom(maskSeed)).output().values();
            double sum = 0;
            for (int i = 0; i < y.size(); i++) {
                sum += y.get(i) * w.get(i);
            }
            return sum;
        };
        Map<String, Double> errors = new LinkedHashMap<>();
        if (in.values() != null) {
            if (dInput == null || dInput.size() != in.values().size()) {
                throw new IllegalStateException(layer.typeName() + " returned an input gradient "
                        + (dInput == null ? "null" : dInput.shapeString()) + " for input " + in.values().shapeString());
            }
            errors.put("input" + in.values().shapeString(), compare(in.values(), dInput, objective, rng));
        }
        for (Parameter p : layer.parameters()) {
            if (!p.trainable()) {
                continue;
            }
            Tensor analytic = grads.has(p) ? grads.of(p) : p.value().zerosLike(p.value().shape());
            errors.put(p.toString(), compare(p.value(), analytic, objective, rng));
        }
        String worst = "none";
        double worstError = 0;
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            if (!(e.getValue() <= worstError)) {
                worst = e.getKey();
                worstError = e.getValue();
            }
        }
        return new Report(errors, worst, worstError, tolerance);
    }

    private Signal batch(SplittableRandom rng) {
        int time = input.time() > 0 ? input.time() : TIME;
        int[] lengths = new int[BATCH];
        for (int b = 0; b < BATCH; b++) {
            lengths[b] = Math.min(time, LENGTHS[b]);
        }
        return switch (input.kind()) {
            case VECTOR -> {
                Tensor x = Tensor.zeros(Precision.FLOAT64, BATCH, input.features());
                fill(x, rng);
                yield Signal.vector(x);
            }
            case SEQUENCE -> {
                Tensor x = Tensor.zeros(Precision.FLOAT64, BATCH, time, input.features());
                fill(x, rng);
                yield Signal.sequence(x, input.time() > 0 ? null : Signal.maskFromLengths(lengths, time));
            }
            case TOKENS -> {
                int[] ids = new int[BATCH * time];
                for (int b = 0; b < BATCH; b++) {
                    for (int t = 0; t < lengths[b]; t++) {
                        ids[b * time + t] = 1 + rng.nextInt(vocabulary - 1);
                    }
                }
                yield Signal.tokens(ids, BATCH, time, Signal.maskFromLengths(lengths, time));
            }
        };
    }

    private static void fill(Tensor x, SplittableRandom rng) {
        for (int i = 0; i < x.size(); i++) {
            x.set(i, rng.nextDouble(-1, 1));
        }
    }

    private double compare(Tensor values, Tensor analytic, DoubleSupplier objective, SplittableRandom rng) {
        int n = values.size();
        int count = Math.min(samples, n);
        double worst = 0;
        for (int s = 0; s < count; s++) {
            int i = count == n ? s : rng.nextInt(n);
            double orig = values.get(i);
            values.set(i, orig + EPS);
            double plus = objective.getAsDouble();
            values.set(i, orig - EPS);
            double minus = objective.getAsDouble();
            values.set(i, orig);
            double numeric = (plus - minus) / (2 * EPS);
            double a = analytic.get(i);
            double err = Math.abs(a - numeric) / Math.max(Math.max(Math.abs(a), Math.abs(numeric)), 1e-6);
            if (!(err <= worst)) {
                worst = err;
            }
        }
        return worst;
    }
}
