package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Elman recurrent layer: {@code h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h)} (stored as
 * {@code h_{t-1} recurrent_kernel + x_t kernel + bias}). The course's output {@code y_t = W_hy h_t + b_y} is a
 * separate {@link Dense} on the last state, or {@link TimeDistributed} over {@code returnSequences}.
 * Parameters: {@code kernel [F, H]}, {@code recurrent_kernel [H, H]}, {@code bias [H]}; {@code H(F + H + 1)}
 * scalars. Shapes, masking, dropout: see {@link RecurrentLayer}.
 */
public final class SimpleRnn extends RecurrentLayer {

    SimpleRnn(RecurrentOptions options, Shape input, Precision precision, long seed) {
        super(options, input, precision, seed);
    }

    @Override
    public String typeName() {
        return "SimpleRNN";
    }

    @Override
    void runCell(Trace tr, Tensor[] state) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        Tensor h = state[0];
        Tensor z = tr.z;
        for (int step = 0; step < t; step++) {
            int s = tr.order[step];
            storeStep(tr, h, tr.hd, s, tr.recMask);
            Ops.gemm(false, false, b, hN, hN, 1, tr.hd, s * hN, t * hN, recurrentKernel.value(), 0, hN, 1, z,
                    s * hN, t * hN);
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = (i * t + s) * hN;
                    Ops.tanh(z, base, hN);
                    if (tr.real(i, s)) {
                        z.copyTo(base, h, i * hN, hN);
                        z.copyTo(base, tr.hs, base, hN);
                    }
                }
            });
        }
    }

    @Override
    void inferStep(float[] zs, float[][] state, float[] scratch, boolean[] mask, int s, int b, int t) {
        int hN = units;
        float[] h = state[0];
        Gemm.gemm(false, false, b, hN, hN, 1f, h, 0, hN, floats(recurrentKernel), 0, hN, 1f, zs, 0, hN);
        for (int i = 0; i < b; i++) {
            if (mask == null || mask[i * t + s]) {
                VectorOps.tanh(zs, i * hN, hN);
                System.arraycopy(zs, i * hN, h, i * hN, hN);
            }
        }
    }

    @Override
    void backCell(Trace tr, Tensor dhs, Tensor[] dState, Tensor dz, Gradients grads) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        Tensor dh = dState[0];
        Tensor z = tr.z;
        Tensor dhd = workspace.zeros(tr.training, "dhd", z, b, hN);
        for (int step = t - 1; step >= 0; step--) {
            int s = tr.order[step];
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!tr.real(i, s)) {
                        continue;
                    }
                    int base = (i * t + s) * hN;
                    if (z instanceof FloatTensor fz) {
                        float[] zs = fz.data();
                        float[] dzs = ((FloatTensor) dz).data();
                        float[] dhArr = ((FloatTensor) dh).data();
                        float[] dhsArr = dhs == null ? null : ((FloatTensor) dhs).data();
                        for (int j = 0; j < hN; j++) {
                            float dhv = dhArr[i * hN + j] + (dhsArr == null ? 0f : dhsArr[base + j]);
                            float hn = zs[base + j];
                            dzs[base + j] = dhv * (1 - hn * hn);
                        }
                        continue;
                    }
                    for (int j = 0; j < hN; j++) {
                        double dhv = dh.get(i * hN + j) + (dhs == null ? 0 : dhs.get(base + j));
                        double hn = z.get(base + j);
                        dz.set(base + j, dhv * (1 - hn * hn));
                    }
                }
            });
            Ops.gemm(false, true, b, hN, hN, 1, dz, s * hN, t * hN, recurrentKernel.value(), 0, hN, 0, dhd, 0, hN);
            carryStateGradient(tr, dhd, dh, s);
        }
        Ops.gemm(true, false, hN, hN, b * t, 1, tr.hd, 0, hN, dz, 0, hN, 1, grads.of(recurrentKernel), 0, hN);
    }
}
