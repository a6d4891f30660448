package dev.nlpkit.recurrent.optim;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mutable state of an optimizer (moment estimates per parameter and the step count), created from immutable
 * {@link OptimizerOptions}. {@link #step} applies one update to every trainable parameter that has a gradient.
 * Not thread-safe: one training loop owns it. Its slots can be saved with a model and restored
 * ({@link #slots()}, {@link #restore}).
 */
public final class Optimizer {

    private final OptimizerOptions options;
    private final List<Parameter> parameters;
    private final Map<Parameter, Tensor[]> slots = new IdentityHashMap<>();
    private long steps;
    private double rateOverride = Double.NaN;
    /** Per-parameter multipliers of the learning rate (absent: 1), e.g. a small rate to fine-tune an embedding. */
    private final Map<Parameter, Double> rateFactors = new IdentityHashMap<>();

    private Optimizer(OptimizerOptions options, List<Parameter> parameters) {
        this.options = options;
        this.parameters = List.copyOf(parameters);
        for (Parameter p : this.parameters) {
            if (!p.trainable()) {
                continue;
            }
            int count = switch (options) {
                case OptimizerOptions.Sgd s -> s.momentum() > 0 ? 1 : 0;
                case OptimizerOptions.Adam a -> 2;
                case OptimizerOptions.RmsProp r -> r.momentum() > 0 ? 2 : 1;
                case OptimizerSpec u -> u.slotCount(p);
            };
            if (count < 0) {
                throw new IllegalArgumentException("optimizer " + ((OptimizerSpec) options).type()
                        + " asks for " + count + " slots for parameter " + p);
            }
            Tensor[] s = new Tensor[count];
            for (int i = 0; i < count; i++) {
                s[i] = p.value().zerosLike(p.value().shape());
            }
            slots.put(p, s);
        }
    }

    /**
     * Fresh state for {@code parameters} (the trainable ones get slots).
     *
     * @param options the optimizer settings
     * @param parameters the model's parameters; the trainable ones get slots
     * @return the optimizer, at step 0
     */
    public static Optimizer create(OptimizerOptions options, List<Parameter> parameters) {
        if (options == null) {
            throw new IllegalArgumentException("optimizer options must not be null");
        }
        return new Optimizer(options, parameters);
    }

    /**
     * Scales the learning rate of one parameter (a per-layer rate, as Keras users build with two optimizers): its
     * updates use {@code factor} times the rate of the others, e.g. 0.1 to fine-tune pretrained embeddings gently.
     * Not part of the options: the caller sets it again on a new optimizer.
     *
     * @param parameter one of the optimizer's parameters
     * @param factor    the multiplier, finite and &gt; 0 (1: the common rate)
     * @throws IllegalArgumentException when the factor is not finite and positive or the parameter is not one of
     *                                  the optimizer's
     */
    public void setRateFactor(Parameter parameter, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("learning-rate factor must be finite and > 0, got " + factor);
        }
        if (parameters.stream().noneMatch(p -> p == parameter)) {
            throw new IllegalArgumentException("parameter " + parameter + " is not one of this optimizer's");
        }
        rateFactors.put(parameter, factor);
    }

    /**
     * The settings.
     *
     * @return the options
     */
    public OptimizerOptions options() {
        return options;
    }

    /**
     * The number of updates applied so far.
     *
     * @return the number of steps, >= 0
     */
    public long steps() {
        return steps;
    }

    /**
     * The learning rate the next update will use.
     *
     * @return the learning rate
     */
    public double currentLearningRate() {
        return Double.isNaN(rateOverride) ? options.learningRate().at(steps) : rateOverride;
    }

    /**
     * Overrides the schedule of the options with a fixed rate until {@link #clearLearningRate()} (per-epoch
     * schedules as callbacks); not saved with the model.
     *
     * @param rate the rate, finite and &gt; 0
     */
    public void setLearningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("learning rate must be finite and > 0, got " + rate);
        }
        rateOverride = rate;
    }

    /** Returns to the schedule of the options. */
    public void clearLearningRate() {
        rateOverride = Double.NaN;
    }

    /**
     * The slot tensors of every trainable parameter, in parameter order (for saving).
     *
     * @return the slots, a fresh list of the live tensors
     */
    public List<Tensor> slots() {
        List<Tensor> out = new ArrayList<>();
        for (Parameter p : parameters) {
            Tensor[] s = slots.get(p);
            if (s != null) {
                out.addAll(List.of(s));
            }
        }
        return out;
    }

    /**
     * Restores saved slots (same order and shapes as {@link #slots()}) and the step count.
     *
     * @param saved slot tensors, as returned by {@link #slots()}
     * @param stepCount the number of updates already applied, >= 0
     */
    public void restore(List<Tensor> saved, long stepCount) {
        List<Tensor> mine = slots();
        if (saved.size() != mine.size()) {
            throw new IllegalArgumentException("optimizer state has " + saved.size() + " slot tensors, expected "
                    + mine.size());
        }
        for (int i = 0; i < saved.size(); i++) {
            if (saved.get(i).size() != mine.get(i).size()) {
                throw new IllegalArgumentException("optimizer slot " + i + " has " + saved.get(i).size()
                        + " values, expected " + mine.get(i).size());
            }
            saved.get(i).copyTo(0, mine.get(i), 0, mine.get(i).size());
        }
        this.steps = stepCount;
    }

    /**
     * Applies one update from the accumulated gradients.
     *
     * @param grads the gradients of the batch, one buffer per trainable parameter
     */
    public void step(Gradients grads) {
        double rate = currentLearningRate();
        steps++;
        for (Parameter p : parameters) {
            if (!p.trainable() || !grads.has(p)) {
                continue;
            }
            Tensor w = p.value();
            Tensor g = grads.of(p);
            Tensor[] s = slots.get(p);
            double lr = rateFactors.isEmpty() ? rate : rate * rateFactors.getOrDefault(p, 1.0);
            switch (options) {
                case OptimizerOptions.Sgd o -> sgd(o, lr, w, g, s);
                case OptimizerOptions.Adam o -> {
                    if (p.rowSparse() && o.sparseUpdate() == OptimizerOptions.SparseUpdate.LAZY) {
                        int width = w.size() / w.dim(0);
                        for (int row : grads.touchedRows(p)) {
                            adam(o, lr, w, g, s, row * width, (row + 1) * width);
                        }
                    } else {
                        adam(o, lr, w, g, s, 0, w.size());
                    }
                }
                case OptimizerOptions.RmsProp o -> rmsProp(o, lr, w, g, s);
                case OptimizerSpec o -> o.update(p, w, g, s, lr, steps);
            }
            p.markChanged();
        }
    }

    private void sgd(OptimizerOptions.Sgd o, double lr, Tensor w, Tensor g, Tensor[] s) {
        double mu = o.momentum();
        for (int i = 0; i < w.size(); i++) {
            double gi = g.get(i);
            if (mu == 0) {
                if (gi != 0) {
                    w.set(i, w.get(i) - lr * gi);
                }
                continue;
            }
            double v = mu * s[0].get(i) + gi;
            s[0].set(i, v);
            double update = o.kind() == OptimizerOptions.Momentum.NESTEROV ? gi + mu * v : v;
            w.set(i, w.get(i) - lr * update);
        }
    }

    private void adam(OptimizerOptions.Adam o, double lr, Tensor w, Tensor g, Tensor[] s, int from, int to) {
        double b1 = o.beta1();
        double b2 = o.beta2();
        double stepSize = lr / (1 - Math.pow(b1, steps));
        double rootCorrection = Math.sqrt(1 - Math.pow(b2, steps));
        double eps = o.epsilon();
        double decay = 1 - lr * o.weightDecay();
        if (w instanceof FloatTensor fw && g instanceof FloatTensor fg && s[0] instanceof FloatTensor fm
                && s[1] instanceof FloatTensor fv) {
            // The fused kernel: same formula, vectorized and split over the kernel threads for large tensors.
            VectorOps.adamStep(fw.data(), fg.data(), fm.data(), fv.data(), from, to - from, (float) b1, (float) b2,
                    (float) stepSize, (float) (1 / rootCorrection), (float) eps, (float) decay);
            return;
        }
        for (int i = from; i < to; i++) {
            double gi = g.get(i);
            double m = b1 * s[0].get(i) + (1 - b1) * gi;
            double v = b2 * s[1].get(i) + (1 - b2) * gi * gi;
            s[0].set(i, m);
            s[1].set(i, v);
            w.set(i, w.get(i) * decay - stepSize * m / (Math.sqrt(v) / rootCorrection + eps));
        }
    }

    private void rmsProp(OptimizerOptions.RmsProp o, double lr, Tensor w, Tensor g, Tensor[] s) {
        double rho = o.rho();
        for (int i = 0; i < w.size(); i++) {
            double gi = g.get(i);
            double sq = rho * s[0].get(i) + (1 - rho) * gi * gi;
            s[0].set(i, sq);
            double step = gi / (Math.sqrt(sq) + o.epsilon());
            if (o.momentum() > 0) {
                double b = o.momentum() * s[1].get(i) + step;
                s[1].set(i, b);
                step = b;
            }
            w.set(i, w.get(i) - lr * step);
        }
    }
}
