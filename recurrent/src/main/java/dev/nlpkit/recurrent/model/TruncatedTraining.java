package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Bidirectional;
import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.RecurrentLayer;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.loss.LossFunction;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The truncated-BPTT step strategy of the training loop ({@link Trainer}): BPTT(k1, k2) over one batch (see {@link FitOptions.TruncatedBptt}). The sequence is cut into
 * pieces of {@code k1} steps. For piece {@code c}, the window of {@code m = k2 / k1} pieces ending at {@code c}
 * is run forward from the recurrent states saved at its start, the loss is taken on piece {@code c} only, the
 * gradient flows back through all {@code m} pieces (piece to piece through the recurrent states) and stops at
 * the window start; one optimizer update follows. Every piece uses the same dropout masks (one generator seed per
 * batch), so masks stay fixed across time as with full BPTT.
 */
final class TruncatedTraining {

    private TruncatedTraining() {
    }

    static Loss.Evaluation step(Sequential model, Signal in, Targets targets, int[] rows, FitOptions options,
                                SplittableRandom batchRng, Gradients grads, Trainer.Run run, int epoch, int batch) {
        List<Layer> layers = model.layers();
        for (Layer l : layers) {
            if (l instanceof Bidirectional) {
                throw new IllegalArgumentException("truncated BPTT cannot run a Bidirectional layer (it needs the "
                        + "whole sequence)");
            }
            if (l instanceof RecurrentLayer r && !r.options().returnSequences()) {
                throw new IllegalArgumentException("truncated BPTT needs every recurrent layer to return sequences");
            }
        }
        if (!targets.perStep() || model.outputShape().kind() != Shape.Kind.SEQUENCE) {
            throw new IllegalArgumentException("truncated BPTT needs per-step outputs and targets");
        }
        int k1 = options.truncation().k1();
        int m = options.truncation().k2() / k1;
        int time = in.time();
        int pieces = (time + k1 - 1) / k1;
        long maskSeed = batchRng.nextLong();
        Targets.Batch all = targets.batch(rows, time, model.precision());
        List<Tensor[][]> boundary = new ArrayList<>();
        boundary.add(new Tensor[layers.size()][]);
        double lossSum = 0;
        double accSum = 0;
        int rowSum = 0;
        for (int c = 0; c < pieces; c++) {
            int first = Math.max(0, c - m + 1);
            List<Sequential.Pass> passes = new ArrayList<>();
            Tensor[][] state = boundary.get(first);
            for (int p = first; p <= c; p++) {
                Signal piece = slice(in, p * k1, Math.min(time, (p + 1) * k1));
                Sequential.Pass pass = model.forward(piece, true, new SplittableRandom(maskSeed), state);
                passes.add(pass);
                state = finals(layers, pass);
            }
            if (boundary.size() == c + 1) {
                boundary.add(state);
            }
            int t0 = c * k1;
            int t1 = Math.min(time, t0 + k1);
            Sequential.Pass last = passes.get(passes.size() - 1);
            Signal out = last.output();
            Tensor targetSlice = sliceTime(all.values(), t0, t1, loss(options).sparseLabels());
            boolean[] mask = new boolean[in.batch() * (t1 - t0)];
            for (int b = 0; b < in.batch(); b++) {
                for (int t = t0; t < t1; t++) {
                    mask[b * (t1 - t0) + t - t0] = all.mask()[b * time + t] && out.real(b, t - t0);
                }
            }
            Loss.Evaluation e = loss(options).evaluate(out.values(), model.fusedLogits(last, loss(options)),
                    targetSlice, mask, true);
            Trainer.beforeUpdate(run, grads, e.loss(), epoch, batch);
            Tensor[][] dStates = model.backward(last, e.gradient(), e.onLogits(), grads, null);
            for (int p = passes.size() - 2; p >= 0; p--) {
                Sequential.Pass pass = passes.get(p);
                Tensor zero = pass.output().values().zerosLike(pass.output().values().shape());
                dStates = model.backward(pass, zero, false, grads, dStates);
            }
            model.applyUpdate(grads, options);
            lossSum += e.loss() * e.rows();
            accSum += Double.isNaN(e.accuracy()) ? 0 : e.accuracy() * e.rows();
            rowSum += e.rows();
        }
        double lossMean = rowSum == 0 ? 0 : lossSum / rowSum;
        double acc = !options.loss().hasAccuracy() || rowSum == 0 ? Double.NaN : accSum / rowSum;
        return new Loss.Evaluation(lossMean, acc, rowSum, null, false);
    }

    private static LossFunction loss(FitOptions o) {
        return o.loss();
    }

    private static Tensor[][] finals(List<Layer> layers, Sequential.Pass pass) {
        Tensor[][] out = new Tensor[layers.size()][];
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof RecurrentLayer) {
                out[i] = RecurrentLayer.finalStates(pass.forwards().get(i));
            }
        }
        return out;
    }

    /** Steps {@code [t0, t1)} of a batch, with their mask. */
    static Signal slice(Signal in, int t0, int t1) {
        int b = in.batch();
        int time = in.time();
        int len = t1 - t0;
        boolean[] mask = null;
        if (in.mask() != null) {
            mask = new boolean[b * len];
            for (int i = 0; i < b; i++) {
                System.arraycopy(in.mask(), i * time + t0, mask, i * len, len);
            }
        }
        if (in.kind() == Shape.Kind.TOKENS) {
            int[] ids = new int[b * len];
            for (int i = 0; i < b; i++) {
                System.arraycopy(in.tokens(), i * time + t0, ids, i * len, len);
            }
            return Signal.tokens(ids, b, len, mask);
        }
        return Signal.sequence(sliceTime(in.values(), t0, t1, false), mask);
    }

    /** Steps {@code [t0, t1)} of a {@code [batch, time, K]} (or {@code [batch, time]} when labels) tensor. */
    static Tensor sliceTime(Tensor x, int t0, int t1, boolean labels) {
        int b = x.dim(0);
        int time = x.dim(1);
        int k = labels || x.rank() < 3 ? 1 : x.dim(2);
        int len = t1 - t0;
        Tensor y = labels || x.rank() < 3 ? x.zerosLike(b, len) : x.zerosLike(b, len, k);
        for (int i = 0; i < b; i++) {
            x.copyTo((i * time + t0) * k, y, i * len * k, len * k);
        }
        return y;
    }
}
