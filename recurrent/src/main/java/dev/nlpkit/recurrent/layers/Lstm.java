package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.math.Gemm;
import dev.nlpkit.recurrent.math.VectorOps;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;

/**
 * Long short-term memory with a forget gate (Hochreiter and Schmidhuber 1997; Gers et al. 2000), gates on
 * {@code [h_{t-1}, x_t]} as the course writes them:
 * <pre>
 *   i_t = sigmoid(W_i [h_{t-1}, x_t] + b_i)          input gate
 *   f_t = sigmoid(W_f [h_{t-1}, x_t] + b_f)          forget gate (b_f initialized to 1)
 *   g_t = tanh   (W_c [h_{t-1}, x_t] + b_c)          candidate cell
 *   o_t = sigmoid(W_o [h_{t-1}, x_t] + b_o)          output gate
 *   c_t = f_t * c_{t-1} + i_t * g_t
 *   h_t = o_t * tanh(c_t)
 * </pre>
 * Gate blocks are packed in the order i, f, c, o (Keras): {@code kernel [F, 4H]},
 * {@code recurrent_kernel [H, 4H]}, {@code bias [4H]}; {@code 4H(F + H + 1)} parameters. No peepholes.
 * States: {@code h} and {@code c}. Shapes, masking, dropout: see {@link RecurrentLayer}.
 */
public final class Lstm extends RecurrentLayer {

    Lstm(RecurrentOptions options, Shape input, Precision precision, long seed) {
        super(options, input, precision, seed);
    }

    @Override
    public String typeName() {
        return "LSTM";
    }

    @Override
    void runCell(Trace tr, Tensor[] state) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        int gh = 4 * hN;
        Tensor h = state[0];
        Tensor c = state[1];
        Tensor z = tr.z;
        Tensor wh = recurrentKernel.value();
        // Written and read at real steps only.
        tr.cPrev = workspace.scratch(tr.training, "cPrev", z, b, t, hN);
        tr.tanhC = workspace.scratch(tr.training, "tanhC", z, b, t, hN);
        StepWeight whStep = StepWeight.of(wh, false, 0, gh, hN, gh);
        for (int step = 0; step < t; step++) {
            int s = tr.order[step];
            storeStep(tr, h, tr.hd, s, tr.recMask);
            whStep.multiply(b, tr.hd, s * hN, t * hN, 1, z, s * gh, t * gh);
            int fs = s;
            forRows(b, (from, to) -> forwardRows(tr, h, c, fs, from, to));
        }
    }

    /** Gates and state updates of rows {@code [from, to)} at step {@code s} (pre-activations already in z). */
    private void forwardRows(Trace tr, Tensor h, Tensor c, int s, int from, int to) {
        int t = tr.time;
        int hN = units;
        int gh = 4 * hN;
        Tensor z = tr.z;
        for (int i = from; i < to; i++) {
            int base = (i * t + s) * gh;
            if (z instanceof FloatTensor fz && tr.real(i, s)) {
                // The sentiment model's hot loop: gates, state and trace of the row in one fused pass.
                VectorOps.lstmTrainRow(fz.data(), base, ((FloatTensor) c).data(), ((FloatTensor) h).data(), i * hN,
                        ((FloatTensor) tr.cPrev).data(), ((FloatTensor) tr.tanhC).data(),
                        ((FloatTensor) tr.hs).data(), (i * t + s) * hN, hN);
                continue;
            }
            Ops.sigmoid(z, base, 2 * hN);
            Ops.tanh(z, base + 2 * hN, hN);
            Ops.sigmoid(z, base + 3 * hN, hN);
            if (!tr.real(i, s)) {
                continue;
            }
            int hb = (i * t + s) * hN;
            int sb = i * hN;
            for (int j = 0; j < hN; j++) {
                double cp = c.get(sb + j);
                tr.cPrev.set(hb + j, cp);
                double cn = z.get(base + hN + j) * cp + z.get(base + j) * z.get(base + 2 * hN + j);
                c.set(sb + j, cn);
                tr.tanhC.set(hb + j, cn);
            }
            Ops.tanh(tr.tanhC, hb, hN);
            for (int j = 0; j < hN; j++) {
                double hn = z.get(base + 3 * hN + j) * tr.tanhC.get(hb + j);
                h.set(sb + j, hn);
                tr.hs.set(hb + j, hn);
            }
        }
    }

    @Override
    void inferStep(float[] zs, float[][] state, float[] scratch, boolean[] mask, int s, int b, int t) {
        int hN = units;
        int gh = 4 * hN;
        float[] h = state[0];
        float[] c = state[1];
        Gemm.gemm(false, false, b, gh, hN, 1f, h, 0, hN, floats(recurrentKernel), 0, gh, 1f, zs, 0, gh);
        for (int i = 0; i < b; i++) {
            if (mask != null && !mask[i * t + s]) {
                continue;
            }
            VectorOps.lstmRow(zs, i * gh, c, h, i * hN, hN);
        }
    }

    @Override
    void backCell(Trace tr, Tensor dhs, Tensor[] dState, Tensor dz, Gradients grads) {
        int b = tr.batch;
        int t = tr.time;
        int hN = units;
        int gh = 4 * hN;
        Tensor dh = dState[0];
        Tensor dc = dState[1];
        Tensor z = tr.z;
        Tensor wh = recurrentKernel.value();
        Tensor dhd = workspace.zeros(tr.training, "dhd", z, b, hN);
        StepWeight whT = StepWeight.of(wh, true, 0, gh, gh, hN);
        for (int step = t - 1; step >= 0; step--) {
            int s = tr.order[step];
            int fs = s;
            forRows(b, (from, to) -> backRows(tr, dhs, dh, dc, dz, fs, from, to));
            whT.multiply(b, dz, s * gh, t * gh, 0, dhd, 0, hN);
            carryStateGradient(tr, dhd, dh, s);
        }
        Ops.gemm(true, false, hN, gh, b * t, 1, tr.hd, 0, hN, dz, 0, gh, 1, grads.of(recurrentKernel), 0, gh);
    }

    /** Pre-activation gradients of rows {@code [from, to)} at step {@code s}; carries dc back one step. */
    private void backRows(Trace tr, Tensor dhs, Tensor dh, Tensor dc, Tensor dz, int s, int from, int to) {
        int t = tr.time;
        int hN = units;
        int gh = 4 * hN;
        Tensor z = tr.z;
        for (int i = from; i < to; i++) {
            if (!tr.real(i, s)) {
                continue;
            }
            int base = (i * t + s) * gh;
            int hb = (i * t + s) * hN;
            int sb = i * hN;
            if (z instanceof FloatTensor fz) {
                // One fused pass per row: VectorOps.lstmBackRow.
                VectorOps.lstmBackRow(fz.data(), base, ((FloatTensor) dz).data(), ((FloatTensor) dh).data(),
                        ((FloatTensor) dc).data(), sb, dhs == null ? null : ((FloatTensor) dhs).data(),
                        ((FloatTensor) tr.tanhC).data(), ((FloatTensor) tr.cPrev).data(), hb, hN);
                continue;
            }
            for (int j = 0; j < hN; j++) {
                double dhv = dh.get(sb + j) + (dhs == null ? 0 : dhs.get(hb + j));
                double gi = z.get(base + j);
                double gf = z.get(base + hN + j);
                double gg = z.get(base + 2 * hN + j);
                double go = z.get(base + 3 * hN + j);
                double tc = tr.tanhC.get(hb + j);
                double dcv = dc.get(sb + j) + dhv * go * (1 - tc * tc);
                dz.set(base + j, dcv * gg * gi * (1 - gi));
                dz.set(base + hN + j, dcv * tr.cPrev.get(hb + j) * gf * (1 - gf));
                dz.set(base + 2 * hN + j, dcv * gi * (1 - gg * gg));
                dz.set(base + 3 * hN + j, dhv * tc * go * (1 - go));
                dc.set(sb + j, dcv * gf);
            }
        }
    }
}
