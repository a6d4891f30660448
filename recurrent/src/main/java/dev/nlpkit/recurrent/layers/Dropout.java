package dev.nlpkit.recurrent.layers;

import dev.nlpkit.core.Seeds;
import dev.nlpkit.recurrent.math.Parallelism;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Inverted dropout: in training each element is kept with probability {@code 1 - rate} and scaled by
 * {@code 1 / (1 - rate)}, else zeroed, so inference (no dropout, identity) needs no rescaling. A fresh mask per
 * element and step (Keras' {@code Dropout} without {@code noise_shape}); the mask passes through. No parameters.
 * Shapes: output = input.
 *
 * <p>The mask is never stored: the forward pass draws one seed from the caller's generator and derives the
 * keep decisions from it (a 32-bit uniform per element, two per 64-bit hash of the seed and the element pair's
 * index; keep when {@code u >= rate * 2^32}); the backward pass regenerates them from the same seed. Being a
 * function of the index, the mask is applied on all kernel threads, and it is the same for any thread count. On the sentiment model that
 * saves writing and reading a 37 MB mask per batch of 1,024.
 */
public final class Dropout extends Layer implements TrainingBuffers {

    private final DropoutOptions options;
    private final Shape input;
    /** The output and input gradient while {@link #reuseTrainingBuffers} is on. */
    private final Workspace workspace = new Workspace();

    Dropout(DropoutOptions options, Shape input) {
        if (input.kind() == Shape.Kind.TOKENS) {
            throw new IllegalArgumentException("Dropout expects vectors or sequences, got token ids");
        }
        this.options = options;
        this.input = input;
    }

    @Override
    public DropoutOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return input;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    @Override
    public void reuseTrainingBuffers(boolean on) {
        workspace.reuse(on);
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        if (!training || options.rate() == 0) {
            return new Forward(in, null);
        }
        long seed = rng.nextLong();
        Tensor y = workspace.scratch(true, "output", in.values(), in.values().shape());  // every element set
        applyMask(in.values(), y, seed);
        return new Forward(new Signal(in.kind(), in.batch(), in.time(), y, null, in.mask()), seed);
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        if (forward.cache() == null) {
            return dOutput;
        }
        Tensor dx = workspace.scratch(true, "dInput", dOutput, dOutput.shape());
        applyMask(dOutput, dx, (Long) forward.cache());
        return dx;
    }

    /** Elements per part when the mask is applied on several threads. */
    private static final int PART = 1 << 16;

    /**
     * {@code out[i] = in[i] * scale} for kept elements, 0 for dropped ones: the mask drawn from {@code seed}.
     * Element {@code i} is decided by 32 bits of {@link #bits bits(seed, i / 2)} (the high half for even
     * {@code i}, the low half for odd): a function of the seed and the index only, so the mask does not depend
     * on how the elements are split over threads, and the loop has no data-dependent branch (a kept/dropped
     * branch at rate 0.5 is mispredicted half the time).
     */
    private void applyMask(Tensor in, Tensor out, long seed) {
        double scale = 1 / (1 - options.rate());
        long threshold = (long) Math.ceil(options.rate() * 4294967296.0);
        int n = in.size();
        if (in instanceof FloatTensor fi && out instanceof FloatTensor fo) {
            float[] xs = fi.data();
            float[] ys = fo.data();
            float s = (float) scale;
            int parts = (n + PART - 1) / PART;
            Parallelism.forEachPart(parts, part -> maskRange(xs, ys, part * PART, Math.min(n, (part + 1) * PART),
                    seed, threshold, s));
            return;
        }
        for (int i = 0; i < n; i++) {
            long bits = bits(seed, i >>> 1);
            long u = (i & 1) == 0 ? bits >>> 32 : bits & 0xFFFFFFFFL;
            out.set(i, u >= threshold ? in.get(i) * scale : 0);
        }
    }

    /**
     * {@link #applyMask} on {@code [from, to)}, {@code from} even: {@link VectorOps#dropoutMask}, which picks
     * each factor without a branch. C2 compiled the former {@code u >= threshold ? s : 0f} into a branch,
     * mispredicted half the time at rate 0.5: the mask then cost 20-30 ns per element, a fifth of a training step
     * of the sentiment model in a JFR profile.
     */
    private static void maskRange(float[] xs, float[] ys, int from, int to, long seed, long threshold, float s) {
        VectorOps.dropoutMask(xs, ys, from, to, seed, threshold, s);
    }

    /** 64 random bits for pair {@code k} of the mask: {@link Seeds#derive(long, long)}. */
    static long bits(long seed, long k) {
        return Seeds.derive(seed, k);
    }
}
