package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.DoubleTensor;
import dev.nlpkit.recurrent.tensor.FloatTensor;
import dev.nlpkit.recurrent.tensor.Ops;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Global attention of an encoder-decoder's decoder over all encoder outputs (Luong, Pham and Manning 2015), with
 * Luong's dot score or Bahdanau's additive one (Bahdanau, Cho and Bengio 2015). With encoder outputs
 * {@code E [batch, S, H]} (source mask) and decoder outputs {@code D [batch, T, H]}, for every example and decoder
 * step {@code t}:
 * <pre>
 *   score(t, s) = d_t . e_s                                   DOT (Luong)
 *   score(t, s) = v . tanh(W1 e_s + W2 d_t)                   ADDITIVE (Bahdanau)
 *   a_t = softmax over the real source steps s of score(t, s)     [S], 0 at padded steps
 *   c_t = sum_s a_t[s] e_s                                       [H], the context
 *   y_t = tanh([c_t; d_t] Wc)                                    [H], Luong's attentional hidden state (eq. 5)
 * </pre>
 * {@code y_t} replaces {@code d_t} as the input of the output layer. This is Luong's global attention
 * <em>without input feeding</em>: the context is not fed back into the decoder's recurrence, so at training time
 * the decoder runs as one recurrent layer over all target steps and attention is computed for all steps at once;
 * the additive score is Bahdanau's function placed in the same architecture (as Keras' {@code AdditiveAttention}
 * is used: query = the decoder's current output, not its previous state).
 *
 * <p>Shapes: {@code E [batch, S, H]}, {@code D [batch, T, H]} -> {@code Y [batch, T, H]} and weights
 * {@code [batch, T, S]}. Rows of {@code Y} at padded decoder steps are zero and pass no gradient. Parameters, in
 * order: {@code combine_kernel Wc [2H, H]} (rows {@code 0..H-1} multiply {@code c}, rows {@code H..2H-1} multiply
 * {@code d}; no bias, as Luong), and for ADDITIVE {@code key_kernel W1 [H, H]}, {@code query_kernel W2 [H, H]},
 * {@code score_vector v [H]} (no biases, as Bahdanau). Initialization: Glorot uniform, {@code v} with fans
 * {@code (H, 1)}.
 *
 * <p><b>An all-padding source row</b> (no real source step) gives all-zero weights and a zero context (never NaN
 * from the softmax); its output is then {@code y_t = tanh(d_t Wc[H..2H-1])}, the decoder without context, and
 * the encoder receives no gradient through attention.
 *
 * <p>Computation: the projections {@code W1 E}, {@code W2 D}, {@code Y} and their gradients are one product each
 * over all rows of the batch; DOT scores and contexts are one product per example ({@code [T, H] x [H, S]},
 * {@code [T, S] x [S, H]}), examples shared among the kernel threads; ADDITIVE builds {@code tanh(W1 e_s + W2 d_t)}
 * for all {@code (t, s)} pairs ({@code [batch T S, H]}, vectorized adds and tanh) and scores them with one product
 * by {@code v}. The softmax and its masking are {@link MultiHeadSelfAttention}'s.
 */
public final class EncoderDecoderAttention {

    /** The score function. */
    public enum Score {
        /** Luong's dot score {@code d_t . e_s}: no parameters. */
        DOT,
        /** Bahdanau's additive score {@code v . tanh(W1 e_s + W2 d_t)}. */
        ADDITIVE
    }

    private final Score score;
    private final int units;
    private final Parameter combine;
    private final Parameter keyKernel;
    private final Parameter queryKernel;
    private final Parameter scoreVector;

    private EncoderDecoderAttention(Score score, int units, Precision precision, long seed) {
        this.score = score;
        this.units = units;
        SplittableRandom rng = new SplittableRandom(seed);
        combine = new Parameter("combine_kernel", Tensor.zeros(precision, 2 * units, units), true, false);
        Initializers.glorotUniform(combine.value(), 2 * units, units, rng);
        if (score == Score.ADDITIVE) {
            keyKernel = new Parameter("key_kernel", Tensor.zeros(precision, units, units), true, false);
            Initializers.glorotUniform(keyKernel.value(), units, units, rng);
            queryKernel = new Parameter("query_kernel", Tensor.zeros(precision, units, units), true, false);
            Initializers.glorotUniform(queryKernel.value(), units, units, rng);
            scoreVector = new Parameter("score_vector", Tensor.zeros(precision, units), true, false);
            Initializers.glorotUniform(scoreVector.value(), units, 1, rng);
        } else {
            keyKernel = null;
            queryKernel = null;
            scoreVector = null;
        }
    }

    /**
     * A freshly initialized attention.
     *
     * @param score     DOT or ADDITIVE
     * @param units     the width {@code H} of encoder and decoder outputs, >= 1
     * @param precision the storage precision
     * @param seed      the seed of the initialization
     * @return the attention
     */
    public static EncoderDecoderAttention create(Score score, int units, Precision precision, long seed) {
        if (score == null || units < 1 || precision == null) {
            throw new IllegalArgumentException("EncoderDecoderAttention needs a score (DOT or ADDITIVE), units >= 1 "
                    + "and a precision; got " + score + ", " + units + ", " + precision);
        }
        return new EncoderDecoderAttention(score, units, precision, seed);
    }

    /**
     * The score function.
     *
     * @return DOT or ADDITIVE
     */
    public Score score() {
        return score;
    }

    /**
     * The parameters in the documented order.
     *
     * @return the parameters, unmodifiable
     */
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>();
        all.add(combine);
        if (score == Score.ADDITIVE) {
            all.add(keyKernel);
            all.add(queryKernel);
            all.add(scoreVector);
        }
        return List.copyOf(all);
    }

    /**
     * The result of {@link #forward}: the attentional hidden states and what {@link #backward} needs.
     *
     * @param output  {@code Y [batch, T, H]}, zero at padded decoder steps
     * @param weights {@code [batch, T, S]}: the weights decoder step {@code t} gives to each source step
     * @param cache   the backward pass's state
     */
    public record Forward(Tensor output, Tensor weights, Object cache) {
    }

    /**
     * Gradients with respect to the two inputs.
     *
     * @param dEncoder {@code [batch, S, H]}
     * @param dDecoder {@code [batch, T, H]}
     */
    public record Backward(Tensor dEncoder, Tensor dDecoder) {
    }

    private record Cache(Tensor enc, Tensor dec, Tensor context, Tensor pairs, boolean[] decoderMask, int batch,
                         int sourceTime, int targetTime) {
    }

    /**
     * Attends from every decoder step over all encoder steps.
     *
     * @param encoder     encoder outputs {@code [batch, S, H]}
     * @param sourceMask  real source steps, {@code [batch * S]}, or null when all are real
     * @param decoder     decoder outputs {@code [batch, T, H]}
     * @param decoderMask real decoder steps, {@code [batch * T]}, or null when all are real
     * @return the attentional hidden states, the weights and the cache
     */
    public Forward forward(Tensor encoder, boolean[] sourceMask, Tensor decoder, boolean[] decoderMask) {
        int h = units;
        if (encoder.rank() != 3 || decoder.rank() != 3 || encoder.dim(2) != h || decoder.dim(2) != h
                || encoder.dim(0) != decoder.dim(0)) {
            throw new IllegalArgumentException("EncoderDecoderAttention (units " + h + ") expects encoder outputs "
                    + "[batch, S, " + h + "] and decoder outputs [batch, T, " + h + "], got " + encoder.shapeString()
                    + " and " + decoder.shapeString());
        }
        int batch = encoder.dim(0);
        int s = encoder.dim(1);
        int t = decoder.dim(1);
        Tensor weights = encoder.zerosLike(batch, t, s);
        Tensor pairs = null;
        if (score == Score.DOT) {
            MultiHeadSelfAttention.forExamples(batch, b -> Ops.gemm(false, true, t, s, h, 1, decoder, b * t * h, h,
                    encoder, b * s * h, h, 0, weights, b * t * s, s));
        } else {
            pairs = additivePairs(encoder, decoder, batch, s, t);
            Ops.gemm(false, false, batch * t * s, 1, h, 1, pairs, 0, h, scoreVector.value(), 0, 1, 0, weights, 0, 1);
        }
        Tensor context = encoder.zerosLike(batch, t, h);
        MultiHeadSelfAttention.forExamples(batch, b -> {
            for (int q = 0; q < t; q++) {
                MultiHeadSelfAttention.maskedSoftmax(weights, (b * t + q) * s, s, sourceMask, b * s, s);
            }
            Ops.gemm(false, false, t, h, s, 1, weights, b * t * s, s, encoder, b * s * h, h, 0, context, b * t * h, h);
        });
        int rows = batch * t;
        Tensor y = encoder.zerosLike(batch, t, h);
        Ops.gemm(false, false, rows, h, h, 1, context, 0, h, combine.value(), 0, h, 0, y, 0, h);
        Ops.gemm(false, false, rows, h, h, 1, decoder, 0, h, combine.value(), h * h, h, 1, y, 0, h);
        Ops.tanh(y, 0, rows * h);
        PaddedRows.zero(y, decoderMask, h);
        return new Forward(y, weights, new Cache(encoder, decoder, context, pairs, decoderMask, batch, s, t));
    }

    /** {@code tanh(W1 e_s + W2 d_t)} for every example, decoder step t and source step s: {@code [batch T S, H]}. */
    private Tensor additivePairs(Tensor encoder, Tensor decoder, int batch, int s, int t) {
        int h = units;
        Tensor keys = encoder.zerosLike(batch * s, h);
        Ops.gemm(false, false, batch * s, h, h, 1, encoder, 0, h, keyKernel.value(), 0, h, 0, keys, 0, h);
        Tensor queries = decoder.zerosLike(batch * t, h);
        Ops.gemm(false, false, batch * t, h, h, 1, decoder, 0, h, queryKernel.value(), 0, h, 0, queries, 0, h);
        Tensor pairs = encoder.zerosLike(batch * t * s, h);
        MultiHeadSelfAttention.forExamples(batch, b -> {
            for (int q = 0; q < t; q++) {
                int off = (b * t + q) * s * h;
                keys.copyTo(b * s * h, pairs, off, s * h);
                for (int j = 0; j < s; j++) {
                    Ops.axpy(1, queries, (b * t + q) * h, pairs, off + j * h, h);
                }
                Ops.tanh(pairs, off, s * h);
            }
        });
        return pairs;
    }

    /**
     * Back-propagates the gradient of {@code Y}, adding the parameter gradients into {@code grads}.
     *
     * @param forward the result of {@link #forward} on the batch
     * @param dOutput the gradient with respect to {@code Y}, {@code [batch, T, H]} (not changed)
     * @param grads   where parameter gradients are added
     * @return the gradients with respect to the encoder and decoder outputs
     */
    public Backward backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int h = units;
        int batch = c.batch();
        int s = c.sourceTime();
        int t = c.targetTime();
        int rows = batch * t;
        // dZ = dY (1 - Y^2), zero at padded decoder steps
        Tensor dz = dOutput.copy();
        PaddedRows.zero(dz, c.decoderMask(), h);
        multiplyByTanhDerivative(dz, forward.output(), rows * h);
        Tensor dWc = grads.of(combine);
        Ops.gemm(true, false, h, h, rows, 1, c.context(), 0, h, dz, 0, h, 1, dWc, 0, h);
        Ops.gemm(true, false, h, h, rows, 1, c.dec(), 0, h, dz, 0, h, 1, dWc, h * h, h);
        Tensor dContext = dz.zerosLike(batch, t, h);
        Ops.gemm(false, true, rows, h, h, 1, dz, 0, h, combine.value(), 0, h, 0, dContext, 0, h);
        Tensor dDec = dz.zerosLike(batch, t, h);
        Ops.gemm(false, true, rows, h, h, 1, dz, 0, h, combine.value(), h * h, h, 0, dDec, 0, h);
        Tensor dEnc = dz.zerosLike(batch, s, h);
        Tensor a = forward.weights();
        Tensor dScores = a.zerosLike(batch, t, s);
        Tensor enc = c.enc();
        Tensor dec = c.dec();
        MultiHeadSelfAttention.forExamples(batch, b -> {
            int eOff = b * s * h;
            int dOff = b * t * h;
            int sOff = b * t * s;
            // dA = dC E^T, dE += A^T dC
            Ops.gemm(false, true, t, s, h, 1, dContext, dOff, h, enc, eOff, h, 0, dScores, sOff, s);
            Ops.gemm(true, false, s, h, t, 1, a, sOff, s, dContext, dOff, h, 1, dEnc, eOff, h);
            for (int q = 0; q < t; q++) {
                MultiHeadSelfAttention.softmaxBackward(dScores, a, sOff + q * s, s);
            }
            if (score == Score.DOT) {
                // S = D E^T: dD += dS E, dE += dS^T D
                Ops.gemm(false, false, t, h, s, 1, dScores, sOff, s, enc, eOff, h, 1, dDec, dOff, h);
                Ops.gemm(true, false, s, h, t, 1, dScores, sOff, s, dec, dOff, h, 1, dEnc, eOff, h);
            }
        });
        if (score == Score.ADDITIVE) {
            additiveBackward(c, dScores, dEnc, dDec, grads);
        }
        return new Backward(dEnc, dDec);
    }

    private void additiveBackward(Cache c, Tensor dScores, Tensor dEnc, Tensor dDec, Gradients grads) {
        int h = units;
        int batch = c.batch();
        int s = c.sourceTime();
        int t = c.targetTime();
        int n = batch * t * s;
        Tensor pairs = c.pairs();
        // score = P v: dv += P^T dS, dP = dS v^T, then through the tanh
        Ops.gemm(true, false, h, 1, n, 1, pairs, 0, h, dScores, 0, 1, 1, grads.of(scoreVector), 0, 1);
        Tensor dPre = pairs.zerosLike(n, h);
        Ops.gemm(false, false, n, h, 1, 1, dScores, 0, 1, scoreVector.value(), 0, h, 0, dPre, 0, h);
        multiplyByTanhDerivative(dPre, pairs, n * h);
        // pre(t, s) = K_s + Q_t: dK_s = sum_t dPre(t, s), dQ_t = sum_s dPre(t, s)
        Tensor dKeys = dPre.zerosLike(batch * s, h);
        Tensor dQueries = dPre.zerosLike(batch * t, h);
        MultiHeadSelfAttention.forExamples(batch, b -> {
            for (int q = 0; q < t; q++) {
                int off = (b * t + q) * s * h;
                Ops.axpy(1, dPre, off, dKeys, b * s * h, s * h);
                for (int j = 0; j < s; j++) {
                    Ops.axpy(1, dPre, off + j * h, dQueries, (b * t + q) * h, h);
                }
            }
        });
        Ops.gemm(true, false, h, h, batch * s, 1, c.enc(), 0, h, dKeys, 0, h, 1, grads.of(keyKernel), 0, h);
        Ops.gemm(false, true, batch * s, h, h, 1, dKeys, 0, h, keyKernel.value(), 0, h, 1, dEnc, 0, h);
        Ops.gemm(true, false, h, h, batch * t, 1, c.dec(), 0, h, dQueries, 0, h, 1, grads.of(queryKernel), 0, h);
        Ops.gemm(false, true, batch * t, h, h, 1, dQueries, 0, h, queryKernel.value(), 0, h, 1, dDec, 0, h);
    }

    /** {@code g *= 1 - y^2} over the first {@code len} elements (the derivative of {@code y = tanh(z)}). */
    private static void multiplyByTanhDerivative(Tensor g, Tensor y, int len) {
        if (g instanceof FloatTensor fg && y instanceof FloatTensor fy) {
            float[] gd = fg.data();
            float[] yd = fy.data();
            for (int i = 0; i < len; i++) {
                gd[i] *= 1f - yd[i] * yd[i];
            }
        } else {
            double[] gd = ((DoubleTensor) g).data();
            for (int i = 0; i < len; i++) {
                double v = y.get(i);
                gd[i] *= 1 - v * v;
            }
        }
    }
}
