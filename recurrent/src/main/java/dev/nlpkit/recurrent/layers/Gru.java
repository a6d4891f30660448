package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Gated recurrent unit, the original variant of Cho et al. (2014), as the course writes it:
 * <pre>
 *   z_t = sigmoid(W_z [h_{t-1}, x_t] + b_z)               update gate
 *   r_t = sigmoid(W_r [h_{t-1}, x_t] + b_r)               reset gate
 *   n_t = tanh   (W_n [r_t * h_{t-1}, x_t] + b_n)         candidate (reset applied BEFORE the product)
 *   h_t = (1 - z_t) * h_{t-1} + z_t * n_t
 * </pre>
 * This is Keras' {@code GRU(reset_after=False)} up to the labelling of z (Keras writes
 * {@code h_t = z h_{t-1} + (1 - z) n_t}, i.e. its z is our {@code 1 - z}); PyTorch's {@code nn.GRU} and
 * Keras' default ({@code reset_after=True}) apply the reset after the recurrent product,
 * {@code n_t = tanh(W_nx x_t + r_t * (W_nh h_{t-1} + b_nh) + b_nx)}, a different (cuDNN-friendly) model.
 * Gate blocks are packed z, r, n: {@code kernel [F, 3H]}, {@code recurrent_kernel [H, 3H]}, {@code bias [3H]};
 * {@code 3H(F + H + 1)} parameters. Shapes, masking, dropout: see {@link RecurrentLayer}.
 */
public final class Gru extends RecurrentLayer {

    Gru(RecurrentOptions options, Shape input, Precision precision, long seed) {
        super(options, input, precision, seed);
    }

    @Override
    public String typeName() {
        return "GRU";
    }

    @Override
    void runCell(Trace tr, Tensor[] state) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        int gh = 3 * hN;
        Tensor h = state[0];
        Tensor z = tr.z;
        Tensor wh = recurrentKernel.value();
        // Every step stores every row of both.
        tr.hraw = workspace.scratch(tr.training, "hraw", z, b, t, hN);
        tr.rh = workspace.scratch(tr.training, "rh", z, b, t, hN);
        StepWeight whZr = StepWeight.of(wh, false, 0, gh, hN, 2 * hN);
        StepWeight whN = StepWeight.of(wh, false, 2 * hN, gh, hN, hN);
        for (int step = 0; step < t; step++) {
            int s = tr.order[step];
            storeStep(tr, h, tr.hraw, s, null);
            storeStep(tr, h, tr.hd, s, tr.recMask);
            whZr.multiply(b, tr.hd, s * hN, t * hN, 1, z, s * gh, t * gh);
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = (i * t + s) * gh;
                    int hb = (i * t + s) * hN;
                    if (z instanceof FloatTensor fz) {
                        // Gates and reset product of the row in one pass.
                        VectorOps.gruGateRow(fz.data(), base, ((FloatTensor) tr.hd).data(),
                                ((FloatTensor) tr.rh).data(), hb, hN);
                        continue;
                    }
                    Ops.sigmoid(z, base, 2 * hN);
                    for (int j = 0; j < hN; j++) {
                        tr.rh.set(hb + j, z.get(base + hN + j) * tr.hd.get(hb + j));
                    }
                }
            });
            whN.multiply(b, tr.rh, s * hN, t * hN, 1, z, s * gh + 2 * hN, t * gh);
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    int base = (i * t + s) * gh;
                    int hb = (i * t + s) * hN;
                    int sb = i * hN;
                    if (z instanceof FloatTensor fz && tr.real(i, s)) {
                        // Candidate and state update of the row in one pass.
                        VectorOps.gruStateRow(fz.data(), base, ((FloatTensor) h).data(), sb,
                                ((FloatTensor) tr.hs).data(), hb, hN);
                        continue;
                    }
                    Ops.tanh(z, base + 2 * hN, hN);
                    if (!tr.real(i, s)) {
                        continue;
                    }
                    for (int j = 0; j < hN; j++) {
                        double u = z.get(base + j);
                        double hn = (1 - u) * h.get(sb + j) + u * z.get(base + 2 * hN + j);
                        h.set(sb + j, hn);
                        tr.hs.set(hb + j, hn);
                    }
                }
            });
        }
    }

    @Override
    void inferStep(float[] zs, float[][] state, float[] scratch, boolean[] mask, int s, int b, int t) {
        int hN = units;
        int gh = 3 * hN;
        float[] h = state[0];
        float[] wh = floats(recurrentKernel);
        Gemm.gemm(false, false, b, 2 * hN, hN, 1f, h, 0, hN, wh, 0, gh, 1f, zs, 0, gh);
        for (int i = 0; i < b; i++) {
            int base = i * gh;
            int sb = i * hN;
            VectorOps.sigmoid(zs, base, 2 * hN);
            for (int j = 0; j < hN; j++) {
                scratch[sb + j] = zs[base + hN + j] * h[sb + j];
            }
        }
        Gemm.gemm(false, false, b, hN, hN, 1f, scratch, 0, hN, wh, 2 * hN, gh, 1f, zs, 2 * hN, gh);
        for (int i = 0; i < b; i++) {
            if (mask != null && !mask[i * t + s]) {
                continue;
            }
            int base = i * gh;
            int sb = i * hN;
            VectorOps.tanh(zs, base + 2 * hN, hN);
            for (int j = 0; j < hN; j++) {
                float u = zs[base + j];
                h[sb + j] = (1 - u) * h[sb + j] + u * zs[base + 2 * hN + j];
            }
        }
    }

    @Override
    void backCell(Trace tr, Tensor dhs, Tensor[] dState, Tensor dz, Gradients grads) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        int gh = 3 * hN;
        Tensor dh = dState[0];
        Tensor z = tr.z;
        Tensor wh = recurrentKernel.value();
        Tensor drh = workspace.zeros(tr.training, "drh", z, b, hN);
        Tensor dhd = workspace.zeros(tr.training, "dhd", z, b, hN);
        Tensor dhraw = workspace.zeros(tr.training, "dhraw", z, b, hN);
        StepWeight whNT = StepWeight.of(wh, true, 2 * hN, gh, hN, hN);
        StepWeight whZrT = StepWeight.of(wh, true, 0, gh, 2 * hN, hN);
        for (int step = t - 1; step >= 0; step--) {
            int s = tr.order[step];
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!tr.real(i, s)) {
                        continue;
                    }
                    int base = (i * t + s) * gh;
                    int hb = (i * t + s) * hN;
                    int sb = i * hN;
                    if (z instanceof FloatTensor fz) {
                        float[] zs = fz.data();
                        float[] dzs = ((FloatTensor) dz).data();
                        float[] dhArr = ((FloatTensor) dh).data();
                        float[] dhsArr = dhs == null ? null : ((FloatTensor) dhs).data();
                        float[] hraws = ((FloatTensor) tr.hraw).data();
                        float[] dhraws = ((FloatTensor) dhraw).data();
                        for (int j = 0; j < hN; j++) {
                            float dhv = dhArr[sb + j] + (dhsArr == null ? 0f : dhsArr[hb + j]);
                            float u = zs[base + j];
                            float n = zs[base + 2 * hN + j];
                            float hp = hraws[hb + j];
                            dzs[base + 2 * hN + j] = dhv * u * (1 - n * n);
                            dzs[base + j] = dhv * (n - hp) * u * (1 - u);
                            dhraws[sb + j] = dhv * (1 - u);
                        }
                        continue;
                    }
                    for (int j = 0; j < hN; j++) {
                        double dhv = dh.get(sb + j) + (dhs == null ? 0 : dhs.get(hb + j));
                        double u = z.get(base + j);
                        double n = z.get(base + 2 * hN + j);
                        double hp = tr.hraw.get(hb + j);
                        dz.set(base + 2 * hN + j, dhv * u * (1 - n * n));
                        dz.set(base + j, dhv * (n - hp) * u * (1 - u));
                        dhraw.set(sb + j, dhv * (1 - u));
                    }
                }
            });
            whNT.multiply(b, dz, s * gh + 2 * hN, t * gh, 0, drh, 0, hN);
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!tr.real(i, s)) {
                        continue;
                    }
                    int base = (i * t + s) * gh;
                    int hb = (i * t + s) * hN;
                    int sb = i * hN;
                    if (z instanceof FloatTensor fz) {
                        float[] zs = fz.data();
                        float[] dzs = ((FloatTensor) dz).data();
                        float[] drhs = ((FloatTensor) drh).data();
                        float[] hds = ((FloatTensor) tr.hd).data();
                        float[] dhds = ((FloatTensor) dhd).data();
                        for (int j = 0; j < hN; j++) {
                            float r = zs[base + hN + j];
                            float d = drhs[sb + j];
                            dzs[base + hN + j] = d * hds[hb + j] * r * (1 - r);
                            dhds[sb + j] = d * r;
                        }
                        continue;
                    }
                    for (int j = 0; j < hN; j++) {
                        double r = z.get(base + hN + j);
                        double d = drh.get(sb + j);
                        dz.set(base + hN + j, d * tr.hd.get(hb + j) * r * (1 - r));
                        dhd.set(sb + j, d * r);
                    }
                }
            });
            whZrT.multiply(b, dz, s * gh, t * gh, 1, dhd, 0, hN);
            forRows(b, (from, to) -> {
                for (int i = from; i < to; i++) {
                    if (!tr.real(i, s)) {
                        continue;
                    }
                    int sb = i * hN;
                    if (dh instanceof FloatTensor fdh) {
                        float[] out = fdh.data();
                        float[] raw = ((FloatTensor) dhraw).data();
                        float[] through = ((FloatTensor) dhd).data();
                        float[] m = tr.recMask == null ? null : ((FloatTensor) tr.recMask).data();
                        for (int j = 0; j < hN; j++) {
                            out[sb + j] = raw[sb + j] + (m == null ? through[sb + j] : through[sb + j] * m[sb + j]);
                        }
                        continue;
                    }
                    for (int j = 0; j < hN; j++) {
                        double m = tr.recMask == null ? 1 : tr.recMask.get(sb + j);
                        dh.set(sb + j, dhraw.get(sb + j) + dhd.get(sb + j) * m);
                    }
                }
            });
        }
        Tensor gWh = grads.of(recurrentKernel);
        Ops.gemm(true, false, hN, 2 * hN, b * t, 1, tr.hd, 0, hN, dz, 0, gh, 1, gWh, 0, gh);
        Ops.gemm(true, false, hN, hN, b * t, 1, tr.rh, 0, hN, dz, 2 * hN, gh, 1, gWh, 2 * hN, gh);
    }
}
