package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerSpec;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.Arrays;

/**
 * The checks {@link Sequential} runs around a user layer ({@link LayerSpec}): the built-in layers are tested by
 * the layer contract, a user's layer is checked at run time, so that a wrong shape or a NaN gradient is reported
 * at the layer that made it, with its shape, instead of surfacing later as an index error or a NaN loss.
 */
final class UserLayerChecks {

    private UserLayerChecks() {
    }

    /** Checks a user layer's forward output against its declared {@link Layer#outputShape()}. */
    static void output(int index, String name, Layer layer, Signal in, Signal out) {
        Shape declared = layer.outputShape();
        if (out == null) {
            throw new IllegalStateException(where(index, name, layer) + " returned no output");
        }
        boolean ok = out.kind() == declared.kind() && out.batch() == in.batch() && out.values() != null;
        if (ok) {
            int[] dims = out.values().shape();
            ok = declared.kind() == Shape.Kind.VECTOR
                    ? dims.length == 2 && dims[0] == in.batch() && dims[1] == declared.features()
                    : dims.length == 3 && dims[0] == in.batch() && dims[2] == declared.features()
                    && (declared.time() <= 0 || dims[1] == declared.time());
        }
        if (!ok) {
            throw new IllegalStateException(where(index, name, layer) + " returned " + out.kind() + " output "
                    + (out.values() == null ? "without values" : out.values().shapeString()) + " for a batch of "
                    + in.batch() + ", but its outputShape() declares " + batchShape(declared));
        }
        if (out.mask() != null && out.mask().length != out.batch() * out.time()) {
            throw new IllegalStateException(where(index, name, layer) + " returned a mask of " + out.mask().length
                    + " flags for output " + out.values().shapeString() + "; expected batch * time = "
                    + out.batch() * out.time());
        }
    }

    /** Checks a user layer's input gradient (shape and finiteness) and the parameter gradients it added. */
    static void gradient(int index, String name, Layer layer, Signal in, Tensor dInput, Gradients grads) {
        if (in != null && in.values() != null) {
            if (dInput == null) {
                throw new IllegalStateException(where(index, name, layer) + " returned no input gradient; expected "
                        + in.values().shapeString());
            }
            if (!Arrays.equals(dInput.shape(), in.values().shape())) {
                throw new IllegalStateException(where(index, name, layer) + " returned an input gradient "
                        + dInput.shapeString() + " for its input " + in.values().shapeString());
            }
        }
        if (dInput != null && !dInput.allFinite()) {
            throw new IllegalStateException(where(index, name, layer) + " returned a non-finite input gradient "
                    + dInput.shapeString() + " (first at index " + firstNonFinite(dInput) + ")");
        }
        for (Parameter p : layer.parameters()) {
            if (grads.has(p) && !grads.of(p).allFinite()) {
                throw new IllegalStateException(where(index, name, layer) + " added a non-finite gradient to "
                        + "parameter " + p + " (first at index " + firstNonFinite(grads.of(p)) + ")");
            }
        }
    }

    private static String batchShape(Shape s) {
        return switch (s.kind()) {
            case VECTOR -> "[batch, " + s.features() + "]";
            case SEQUENCE -> "[batch, " + (s.time() > 0 ? Integer.toString(s.time()) : "time") + ", " + s.features() + "]";
            case TOKENS -> "[batch, time] token ids";
        };
    }

    private static int firstNonFinite(Tensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (!Double.isFinite(t.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String where(int index, String name, Layer layer) {
        return "layer " + index + " '" + name + "' (user layer " + ((LayerSpec) layer.options()).type() + ")";
    }
}
