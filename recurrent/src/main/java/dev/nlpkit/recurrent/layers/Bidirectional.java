package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a recurrent layer forward and a second copy (own weights) backward over time and merges the two
 * outputs: {@code concat} gives width {@code 2H}, {@code sum}, {@code average}, {@code multiply} give {@code H}.
 * With {@code returnSequences} both outputs are indexed by original time ({@code [batch, time, .]}); without,
 * each is its final state after the sequence's real steps (the backward one has read the sequence from its last
 * real step down to step 0). Parameters: those of the forward layer, then those of the backward layer.
 */
public final class Bidirectional extends Layer {

    private final BidirectionalOptions options;
    private final RecurrentLayer forwardLayer;
    private final RecurrentLayer backwardLayer;

    Bidirectional(BidirectionalOptions options, Shape input, Precision precision, long seed) {
        this.options = options;
        this.forwardLayer = options.layer().build(input, precision, seed);
        this.backwardLayer = options.layer().withGoBackwards(true).build(input, precision, seed ^ 0x5DEECE66DL);
    }

    private record Cache(Forward fw, Forward bw) {
    }

    @Override
    public BidirectionalOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return forwardLayer.inputShape();
    }

    @Override
    public Shape outputShape() {
        Shape one = forwardLayer.outputShape();
        int width = options.merge() == BidirectionalOptions.Merge.CONCAT ? 2 * one.features() : one.features();
        return new Shape(one.kind(), one.time(), width);
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> all = new ArrayList<>(forwardLayer.parameters());
        all.addAll(backwardLayer.parameters());
        return all;
    }

    @Override
    public String typeName() {
        return "Bidirectional(" + forwardLayer.typeName() + ")";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        Forward fw = forwardLayer.forward(in, training, rng);
        Forward bw = backwardLayer.forward(in, training, rng);
        Tensor a = fw.output().values();
        Tensor b = bw.output().values();
        int h = forwardLayer.units();
        int rows = a.size() / h;
        int width = outputShape().features();
        int[] shape = a.shape();
        shape[shape.length - 1] = width;
        Tensor y = a.zerosLike(shape);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < h; j++) {
                double u = a.get(r * h + j);
                double v = b.get(r * h + j);
                switch (options.merge()) {
                    case CONCAT -> {
                        y.set(r * width + j, u);
                        y.set(r * width + h + j, v);
                    }
                    case SUM -> y.set(r * width + j, u + v);
                    case AVERAGE -> y.set(r * width + j, (u + v) / 2);
                    case MULTIPLY -> y.set(r * width + j, u * v);
                    default -> throw new IllegalStateException("unknown merge " + options.merge());
                }
            }
        }
        Signal out = new Signal(fw.output().kind(), in.batch(), fw.output().time(), y, null, fw.output().mask());
        return new Forward(out, new Cache(fw, bw));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        Tensor a = c.fw().output().values();
        Tensor b = c.bw().output().values();
        int h = forwardLayer.units();
        int rows = a.size() / h;
        int width = outputShape().features();
        Tensor da = a.zerosLike(a.shape());
        Tensor db = a.zerosLike(b.shape());
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < h; j++) {
                switch (options.merge()) {
                    case CONCAT -> {
                        da.set(r * h + j, dOutput.get(r * width + j));
                        db.set(r * h + j, dOutput.get(r * width + h + j));
                    }
                    case SUM -> {
                        da.set(r * h + j, dOutput.get(r * width + j));
                        db.set(r * h + j, dOutput.get(r * width + j));
                    }
                    case AVERAGE -> {
                        da.set(r * h + j, dOutput.get(r * width + j) / 2);
                        db.set(r * h + j, dOutput.get(r * width + j) / 2);
                    }
                    case MULTIPLY -> {
                        da.set(r * h + j, dOutput.get(r * width + j) * b.get(r * h + j));
                        db.set(r * h + j, dOutput.get(r * width + j) * a.get(r * h + j));
                    }
                    default -> throw new IllegalStateException("unknown merge " + options.merge());
                }
            }
        }
        Tensor dx = forwardLayer.backward(c.fw(), da, grads);
        Tensor dx2 = backwardLayer.backward(c.bw(), db, grads);
        for (int i = 0; i < dx.size(); i++) {
            dx.add(i, dx2.get(i));
        }
        return dx;
    }
}
