package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.HashMap;
import java.util.Map;

/**
 * The tensors of one layer's training step, kept from step to step while {@link TrainingBuffers} reuse is on:
 * each named buffer is sized for the largest request seen and handed out as a view of the requested shape, so a
 * training step at a steady batch size allocates nothing large (at batch 1,024 the sentiment model's step used to
 * allocate and zero about 300 MB, whose first-touch page faults were a large share of the step). While reuse is
 * off every request is a fresh zero tensor, as before: the layer stays read-only.
 *
 * <p>Not thread-safe: a layer's training forward and backward run on one thread at a time.
 */
final class Workspace {

    private final Map<String, Tensor> buffers = new HashMap<>();
    private boolean reuse;

    /** Turns reuse on or off; off releases the buffers. */
    void reuse(boolean on) {
        reuse = on;
        if (!on) {
            buffers.clear();
        }
    }

    /** Whether reuse is on. */
    boolean reusing() {
        return reuse;
    }

    /**
     * A zero tensor of {@code shape} in {@code proto}'s precision: buffer {@code name} cleared when reusing (and
     * {@code use}), else a fresh tensor.
     */
    Tensor zeros(boolean use, String name, Tensor proto, int... shape) {
        if (!use || !reuse) {
            return proto.zerosLike(shape);
        }
        Tensor t = view(name, proto, shape);
        t.fill(0);
        return t;
    }

    /**
     * A tensor of {@code shape} whose contents the caller overwrites entirely before reading them: buffer
     * {@code name} as it was left when reusing (and {@code use}), else a fresh zero tensor.
     */
    Tensor scratch(boolean use, String name, Tensor proto, int... shape) {
        if (!use || !reuse) {
            return proto.zerosLike(shape);
        }
        return view(name, proto, shape);
    }

    private Tensor view(String name, Tensor proto, int[] shape) {
        int size = 1;
        for (int d : shape) {
            size = Math.multiplyExact(size, d);
        }
        Tensor store = buffers.get(name);
        if (store == null || store.size() < size || store.precision() != proto.precision()) {
            store = proto.zerosLike(Math.max(size, 1));
            buffers.put(name, store);
        }
        return store.reshape(shape);
    }
}
