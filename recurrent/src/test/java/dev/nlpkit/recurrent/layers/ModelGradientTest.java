package dev.nlpkit.recurrent.layers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nlpkit.recurrent.loss.Loss;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole stacks in double precision, loss included (fused logits path, masked per-step losses): every parameter's
 * gradient against finite differences of the loss.
 */
class ModelGradientTest {

    private static final int[] LENGTHS = {6, 4, 1};
    private static final int TIME = 6;

    private static Signal tokens(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] ids = new int[LENGTHS.length * TIME];
        for (int b = 0; b < LENGTHS.length; b++) {
            for (int t = 0; t < LENGTHS[b]; t++) {
                ids[b * TIME + t] = 1 + rng.nextInt(8);
            }
        }
        return Signal.tokens(ids, LENGTHS.length, TIME, Signal.maskFromLengths(LENGTHS, TIME));
    }

    private static double loss(Sequential model, Signal in, Loss loss, Tensor targets, boolean[] mask) {
        Sequential.Pass pass = model.forward(in, true, new SplittableRandom(17));
        Tensor logits = null;
        Layer last = model.layers().get(model.layers().size() - 1);
        if (last instanceof Dense) {
            logits = Dense.preActivation(pass.forwards().get(model.layers().size() - 1));
        } else if (last instanceof TimeDistributed) {
            logits = Dense.preActivation(pass.forwards().get(model.layers().size() - 1));
        }
        return loss.evaluate(pass.output().values(), logits, targets, mask, false).loss();
    }

    private static void checkModel(Sequential model, Signal in, Loss loss, Tensor targets, boolean[] mask) {
        Sequential.Pass pass = model.forward(in, true, new SplittableRandom(17));
        Tensor logits = Dense.preActivation(pass.forwards().get(model.layers().size() - 1));
        Loss.Evaluation e = loss.evaluate(pass.output().values(), logits, targets, mask, true);
        assertThat(e.onLogits()).isTrue();
        Gradients grads = new Gradients();
        List<Layer> layers = model.layers();
        Tensor d = e.gradient();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer.Forward f = pass.forwards().get(i);
            Layer l = layers.get(i);
            if (i == layers.size() - 1) {
                Dense dense = l instanceof TimeDistributed t ? t.dense() : (Dense) l;
                d = dense.backwardFromPreActivation(f, d, grads);
            } else {
                d = l.backward(f, d, grads);
            }
        }
        for (Parameter p : model.parameters()) {
            double err = GradientCheck.check(p.value(), grads.of(p), () -> loss(model, in, loss, targets, mask), 30,
                    p.size());
            assertThat(err).as("relative error of %s", p).isLessThan(1e-4);
        }
    }

    @Test
    void stackedLstmGruManyToOneWithBinaryCrossEntropy() {
        Sequential model = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(9, 4))
                .add(DropoutOptions.of(0.2))
                .add(RecurrentOptions.lstm(5).withReturnSequences(true).withDropout(0.2).withRecurrentDropout(0.2))
                .add(RecurrentOptions.gru(4))
                .add(DenseOptions.of(1, Activation.SIGMOID))
                .build(3L, Precision.FLOAT64);
        Tensor y = Tensor.zeros(Precision.FLOAT64, 3, 1);
        y.set(0, 1);
        y.set(2, 1);
        checkModel(model, tokens(4L), Loss.BINARY_CROSSENTROPY, y, null);
    }

    @Test
    void bidirectionalStackManyToManyWithMaskedSoftmaxCrossEntropy() {
        Sequential model = Sequential.builder(Shape.tokens())
                .add(EmbeddingOptions.random(9, 3))
                .add(BidirectionalOptions.of(RecurrentOptions.simpleRnn(4).withReturnSequences(true)))
                .add(RecurrentOptions.lstm(4).withReturnSequences(true))
                .add(TimeDistributedOptions.of(DenseOptions.of(5, Activation.SOFTMAX)))
                .build(5L, Precision.FLOAT64);
        Signal in = tokens(6L);
        Tensor y = Tensor.zeros(Precision.FLOAT64, 3, TIME);
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < y.size(); i++) {
            y.set(i, rng.nextInt(5));
        }
        checkModel(model, in, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, y, Signal.maskFromLengths(LENGTHS, TIME));
    }
}
