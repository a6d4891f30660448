package dev.nlpkit.recurrent.tensor;

import java.util.Arrays;

/** A {@link Tensor} stored in a {@code float[]}: the storage of every trained model. */
public final class FloatTensor extends Tensor {

    private final float[] data;

    FloatTensor(int[] shape) {
        super(shape);
        this.data = new float[size()];
    }

    FloatTensor(float[] data, int[] shape) {
        super(shape);
        if (data.length < size()) {
            throw new IllegalArgumentException("storage of " + data.length + " floats cannot hold shape "
                    + Arrays.toString(shape));
        }
        this.data = data;
    }

    /**
     * The backing storage (not a copy): the kernels work on it directly.
     *
     * @return the storage array
     */
    public float[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT32;
    }

    @Override
    public double get(int i) {
        return data[i];
    }

    @Override
    public void set(int i, double value) {
        data[i] = (float) value;
    }

    @Override
    public void add(int i, double value) {
        data[i] += (float) value;
    }

    @Override
    public Tensor reshape(int... newShape) {
        return new FloatTensor(data, newShape);
    }

    @Override
    public Tensor copy() {
        return new FloatTensor(data.clone(), shape());
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, 0, size(), (float) value);
    }

    @Override
    public void copyTo(int srcOff, Tensor dst, int dstOff, int len) {
        if (dst instanceof FloatTensor f) {
            System.arraycopy(data, srcOff, f.data, dstOff, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst.set(dstOff + i, data[srcOff + i]);
            }
        }
    }

    @Override
    public float[] toFloatArray() {
        return Arrays.copyOf(data, size());
    }
}
