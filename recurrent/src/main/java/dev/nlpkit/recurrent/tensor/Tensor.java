package dev.nlpkit.recurrent.tensor;

import java.util.Arrays;

/**
 * A dense, row-major array of numbers with a shape, stored as {@code float[]} ({@link FloatTensor}) or
 * {@code double[]} ({@link DoubleTensor}). Layers are written once against this class: the bulk products and
 * activation functions go through {@link Ops}, which sends float tensors to the vectorized kernels of
 * {@code dev.nlpkit.recurrent.math}; element-wise gate arithmetic uses {@link #get}/{@link #set}, which the JIT
 * inlines because a training run only ever sees one of the two subclasses.
 *
 * <p>Shapes are batch-major: a sequence batch is {@code [batch, time, features]}, a vector batch
 * {@code [batch, features]}, and a weight matrix {@code [rows, columns]}. A tensor's storage may be longer than
 * its shape needs (scratch buffers are reused), and {@link #reshape} shares the storage.
 */
public abstract sealed class Tensor permits FloatTensor, DoubleTensor {

    private final int[] shape;
    private final int size;

    Tensor(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " is too large");
        }
        this.shape = shape.clone();
        this.size = (int) n;
    }

    /** A zero tensor of the given precision and shape. */
    public static Tensor zeros(Precision precision, int... shape) {
        return precision == Precision.FLOAT32 ? new FloatTensor(shape) : new DoubleTensor(shape);
    }

    /** Wraps {@code data} (not copied) as a float tensor of the given shape. */
    public static FloatTensor wrap(float[] data, int... shape) {
        return new FloatTensor(data, shape);
    }

    /** The precision of the storage. */
    public abstract Precision precision();

    /** The shape (a copy). */
    public final int[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i} of the shape. */
    public final int dim(int i) {
        return shape[i];
    }

    /** The number of dimensions. */
    public final int rank() {
        return shape.length;
    }

    /** The number of elements the shape holds. */
    public final int size() {
        return size;
    }

    /** Element {@code i} of the flat storage. */
    public abstract double get(int i);

    /** Sets element {@code i} of the flat storage. */
    public abstract void set(int i, double value);

    /** Adds to element {@code i} of the flat storage. */
    public abstract void add(int i, double value);

    /** A new zero tensor of the same precision with the given shape. */
    public final Tensor zerosLike(int... newShape) {
        return zeros(precision(), newShape);
    }

    /** A view of the same storage with another shape of at most the same size. */
    public abstract Tensor reshape(int... newShape);

    /** A deep copy. */
    public abstract Tensor copy();

    /** Sets the first {@code size()} elements to {@code value}. */
    public abstract void fill(double value);

    /** Copies {@code len} elements from {@code this[srcOff...]} into {@code dst[dstOff...]} (any precisions). */
    public abstract void copyTo(int srcOff, Tensor dst, int dstOff, int len);

    /** The elements as a new {@code float[]} of length {@code size()}. */
    public abstract float[] toFloatArray();

    /** The elements as a new {@code double[]} of length {@code size()}. */
    public final double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /** Whether every element is finite. */
    public final boolean allFinite() {
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(get(i))) {
                return false;
            }
        }
        return true;
    }

    /** A shape as {@code [2, 3, 4]}, for error messages. */
    public final String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return precision() + shapeString();
    }
}
