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

    /**
     * A zero tensor of the given precision and shape.
     *
     * @param precision FLOAT32 or FLOAT64
     * @param shape the dimensions, each >= 0
     * @return the tensor
     */
    public static Tensor zeros(Precision precision, int... shape) {
        return precision == Precision.FLOAT32 ? new FloatTensor(shape) : new DoubleTensor(shape);
    }

    /**
     * Wraps {@code data} (not copied) as a float tensor of the given shape.
     *
     * @param data the storage, at least as long as the shape's size
     * @param shape the dimensions, each >= 0
     * @return a tensor sharing {@code data}
     */
    public static FloatTensor wrap(float[] data, int... shape) {
        return new FloatTensor(data, shape);
    }

    /**
     * The precision of the storage.
     *
     * @return the precision
     */
    public abstract Precision precision();

    /**
     * The shape (a copy).
     *
     * @return a fresh array of dimensions
     */
    public final int[] shape() {
        return shape.clone();
    }

    /**
     * Dimension {@code i} of the shape.
     *
     * @param i the dimension's index, in [0, rank)
     * @return its size
     */
    public final int dim(int i) {
        return shape[i];
    }

    /**
     * The number of dimensions.
     *
     * @return the rank
     */
    public final int rank() {
        return shape.length;
    }

    /**
     * The number of elements the shape holds.
     *
     * @return the product of the dimensions
     */
    public final int size() {
        return size;
    }

    /**
     * Element {@code i} of the flat storage.
     *
     * @param i the flat index, in [0, size)
     * @return the element, as a double
     */
    public abstract double get(int i);

    /**
     * Sets element {@code i} of the flat storage.
     *
     * @param i the flat index, in [0, size)
     * @param value the new value (rounded to float for a float tensor)
     */
    public abstract void set(int i, double value);

    /**
     * Adds to element {@code i} of the flat storage.
     *
     * @param i the flat index, in [0, size)
     * @param value the amount to add
     */
    public abstract void add(int i, double value);

    /**
     * A new zero tensor of the same precision with the given shape.
     *
     * @param newShape the dimensions of the new tensor
     * @return the tensor
     */
    public final Tensor zerosLike(int... newShape) {
        return zeros(precision(), newShape);
    }

    /**
     * A view of the same storage with another shape of at most the same size.
     *
     * @param newShape the new dimensions; their product must not exceed {@link #size()}
     * @return a view sharing this tensor's storage
     */
    public abstract Tensor reshape(int... newShape);

    /**
     * A deep copy.
     *
     * @return the copy
     */
    public abstract Tensor copy();

    /**
     * Sets the first {@code size()} elements to {@code value}.
     *
     * @param value the value (rounded to float for a float tensor)
     */
    public abstract void fill(double value);

    /**
     * Copies {@code len} elements from {@code this[srcOff...]} into {@code dst[dstOff...]} (any precisions).
     *
     * @param srcOff the first element to copy from this tensor
     * @param dst the tensor to copy into
     * @param dstOff the first element written in {@code dst}
     * @param len the number of elements
     */
    public abstract void copyTo(int srcOff, Tensor dst, int dstOff, int len);

    /**
     * The elements as a new {@code float[]} of length {@code size()}.
     *
     * @return a fresh array
     */
    public abstract float[] toFloatArray();

    /**
     * The elements as a new {@code double[]} of length {@code size()}.
     *
     * @return a fresh array
     */
    public final double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = get(i);
        }
        return out;
    }

    /**
     * Whether every element is finite.
     *
     * @return false when an element is NaN or infinite
     */
    public final boolean allFinite() {
        for (int i = 0; i < size; i++) {
            if (!Double.isFinite(get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A shape as {@code [2, 3, 4]}, for error messages.
     *
     * @return the shape, for example {@code [32, 40, 100]}
     */
    public final String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public String toString() {
        return precision() + shapeString();
    }
}
