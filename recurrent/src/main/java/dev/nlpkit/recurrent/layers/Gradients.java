package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient accumulators, one per parameter, kept apart from the layers so that forward passes stay read-only
 * (a trained model can predict from several threads) and a training loop can reuse its buffers batch after
 * batch. Backward passes ADD into these tensors. For a {@link Parameter#rowSparse() row-sparse} parameter the
 * rows that received gradient are recorded: {@link #zero()} clears only those, and optimizers may update only
 * those (lazy updates), which keeps an embedding of 50,000 x 300 cheap per step.
 */
public final class Gradients {

    private final Map<Parameter, Tensor> grads = new IdentityHashMap<>();
    private final Map<Parameter, BitSet> touchedRows = new IdentityHashMap<>();
    private final List<Parameter> order = new ArrayList<>();

    /** Empty accumulators; a buffer is created for each parameter on first use. */
    public Gradients() {
        // Explicit only to carry the comment above: the default constructor cannot be documented.
    }

    /**
     * The gradient of {@code p} (same shape and precision), zero on first use.
     *
     * @param p a parameter
     * @return its gradient buffer, created on first use
     */
    public Tensor of(Parameter p) {
        Tensor g = grads.get(p);
        if (g == null) {
            g = p.value().zerosLike(p.value().shape());
            grads.put(p, g);
            order.add(p);
            if (p.rowSparse()) {
                touchedRows.put(p, new BitSet(p.value().dim(0)));
            }
        }
        return g;
    }

    /**
     * Records that row {@code row} of row-sparse {@code p} received gradient.
     *
     * @param p a row-sparse parameter
     * @param row the row's index, in [0, rows)
     */
    public void touchRow(Parameter p, int row) {
        of(p);
        touchedRows.get(p).set(row);
    }

    /**
     * The rows of a row-sparse parameter that received gradient since the last {@link #zero()}.
     *
     * @param p a row-sparse parameter
     * @return a fresh array of row indexes, ascending
     */
    public int[] touchedRows(Parameter p) {
        BitSet rows = touchedRows.get(p);
        return rows == null ? new int[0] : rows.stream().toArray();
    }

    /**
     * Whether a gradient buffer exists for {@code p}.
     *
     * @param p a parameter
     * @return true when {@link #of} was called for it
     */
    public boolean has(Parameter p) {
        return grads.containsKey(p);
    }

    /**
     * The parameters that have gradient buffers, in first-use order.
     *
     * @return the parameters, unmodifiable
     */
    public List<Parameter> parameters() {
        return List.copyOf(order);
    }

    /** Resets every accumulator to zero (only the touched rows of row-sparse ones). */
    public void zero() {
        for (Parameter p : order) {
            Tensor g = grads.get(p);
            BitSet rows = touchedRows.get(p);
            if (rows != null) {
                int width = g.size() / g.dim(0);
                for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
                    if (g instanceof FloatTensor f) {
                        java.util.Arrays.fill(f.data(), r * width, (r + 1) * width, 0f);
                    } else {
                        for (int j = 0; j < width; j++) {
                            g.set(r * width + j, 0);
                        }
                    }
                }
                rows.clear();
            } else {
                g.fill(0);
            }
        }
    }

    /**
     * The L2 norm over all gradients (all touched rows of row-sparse ones), computed in double.
     *
     * @return the global norm, >= 0
     */
    public double globalNorm() {
        double sum = 0;
        for (Parameter p : order) {
            Tensor g = grads.get(p);
            for (int i = 0; i < g.size(); i++) {
                double v = g.get(i);
                sum += v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /**
     * Multiplies every gradient by {@code factor}.
     *
     * @param factor the scale, any finite number
     */
    public void scale(double factor) {
        for (Parameter p : order) {
            Tensor g = grads.get(p);
            for (int i = 0; i < g.size(); i++) {
                g.set(i, g.get(i) * factor);
            }
        }
    }

    /**
     * Rescales all gradients so their global L2 norm is at most {@code maxNorm} (PyTorch's
     * {@code clip_grad_norm_}, Keras' {@code global_clipnorm}); returns the norm before clipping.
     *
     * @param maxNorm the largest global norm allowed, > 0
     * @return the global norm before clipping
     */
    public double clipByGlobalNorm(double maxNorm) {
        double norm = globalNorm();
        if (norm > maxNorm) {
            scale(maxNorm / (norm + 1e-6));
        }
        return norm;
    }

    /**
     * Clamps every gradient element into {@code [-limit, limit]} (Keras' {@code clipvalue}).
     *
     * @param limit the largest absolute value allowed, >= 0
     */
    public void clipByValue(double limit) {
        for (Parameter p : order) {
            Tensor g = grads.get(p);
            for (int i = 0; i < g.size(); i++) {
                double v = g.get(i);
                if (v > limit) {
                    g.set(i, limit);
                } else if (v < -limit) {
                    g.set(i, -limit);
                }
            }
        }
    }
}
