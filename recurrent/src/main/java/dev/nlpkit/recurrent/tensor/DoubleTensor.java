package dev.nlpkit.recurrent.tensor;

import java.util.Arrays;

/** A {@link Tensor} stored in a {@code double[]}: used by gradient checks, never by training. */
public final class DoubleTensor extends Tensor {

    private final double[] data;

    DoubleTensor(int[] shape) {
        super(shape);
        this.data = new double[size()];
    }

    private DoubleTensor(double[] data, int[] shape) {
        super(shape);
        this.data = data;
    }

    /**
     * The backing storage (not a copy).
     *
     * @return the storage array
     */
    public double[] data() {
        return data;
    }

    @Override
    public Precision precision() {
        return Precision.FLOAT64;
    }

    @Override
    public double get(int i) {
        return data[i];
    }

    @Override
    public void set(int i, double value) {
        data[i] = value;
    }

    @Override
    public void add(int i, double value) {
        data[i] += value;
    }

    @Override
    public Tensor reshape(int... newShape) {
        return new DoubleTensor(data, newShape);
    }

    @Override
    public Tensor copy() {
        return new DoubleTensor(data.clone(), shape());
    }

    @Override
    public void fill(double value) {
        Arrays.fill(data, 0, size(), value);
    }

    @Override
    public void copyTo(int srcOff, Tensor dst, int dstOff, int len) {
        if (dst instanceof DoubleTensor d) {
            System.arraycopy(data, srcOff, d.data, dstOff, len);
        } else {
            for (int i = 0; i < len; i++) {
                dst.set(dstOff + i, data[srcOff + i]);
            }
        }
    }

    @Override
    public float[] toFloatArray() {
        float[] out = new float[size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) data[i];
        }
        return out;
    }
}
