package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Layer normalization over the feature axis (Ba, Kiros and Hinton 2016; Keras' {@code LayerNormalization} with
 * {@code axis=-1}, PyTorch's {@code nn.LayerNorm(F)}), for each example (and each step of a sequence):
 * {@code mu = mean_f x[f]}, {@code var = mean_f (x[f] - mu)^2} (biased), {@code xhat = (x - mu) / sqrt(var + eps)},
 * {@code y = gamma * xhat + beta}.
 *
 * <p>Shapes: {@code [batch, F] -> [batch, F]} and {@code [batch, time, F] -> [batch, time, F]}; the mask passes
 * through and outputs at padded steps are zero (they receive no gradient). Parameters, in order: {@code gamma
 * [F]} (the gain), {@code beta [F]} (the bias). Initialization: gamma ones, beta zeros (Keras, PyTorch).
 * Backward: {@code dxhat = dy * gamma},
 * {@code dx = (dxhat - mean_f dxhat - xhat * mean_f (dxhat * xhat)) / sqrt(var + eps)}.
 */
public final class LayerNormalization extends Layer {

    private final LayerNormalizationOptions options;
    private final Shape input;
    private final Parameter gamma;
    private final Parameter beta;

    LayerNormalization(LayerNormalizationOptions options, Shape input, Precision precision) {
        if (input.kind() == Shape.Kind.TOKENS) {
            throw new IllegalArgumentException("LayerNormalization expects vectors or sequences of vectors, got token "
                    + "ids " + input.display() + " (add an Embedding first)");
        }
        this.options = options;
        this.input = input;
        int f = input.features();
        this.gamma = new Parameter("gamma", Tensor.zeros(precision, f), true, false);
        gamma.value().fill(1);
        this.beta = new Parameter("beta", Tensor.zeros(precision, f), true, false);
    }

    private record Cache(Tensor xhat, double[] invStd, boolean[] mask, int rows) {
    }

    @Override
    public LayerNormalizationOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return input;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    public String typeName() {
        return "LayerNormalization";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int f = input.features();
        int rows = in.kind() == Shape.Kind.VECTOR ? in.batch() : in.batch() * in.time();
        Tensor x = in.values();
        Tensor xhat = x.zerosLike(x.shape());
        Tensor y = x.zerosLike(x.shape());
        double[] invStd = new double[rows];
        boolean[] mask = in.kind() == Shape.Kind.VECTOR ? null : in.mask();
        Tensor g = gamma.value();
        Tensor bt = beta.value();
        double eps = options.epsilon();
        for (int r = 0; r < rows; r++) {
            if (mask != null && !mask[r]) {
                continue;
            }
            int o = r * f;
            double mean = 0;
            for (int j = 0; j < f; j++) {
                mean += x.get(o + j);
            }
            mean /= f;
            double var = 0;
            for (int j = 0; j < f; j++) {
                double c = x.get(o + j) - mean;
                var += c * c;
            }
            var /= f;
            double inv = 1.0 / Math.sqrt(var + eps);
            invStd[r] = inv;
            for (int j = 0; j < f; j++) {
                double h = (x.get(o + j) - mean) * inv;
                xhat.set(o + j, h);
                y.set(o + j, g.get(j) * h + bt.get(j));
            }
        }
        Signal out = new Signal(in.kind(), in.batch(), in.time(), y, null, in.mask());
        return new Forward(out, new Cache(xhat, invStd, mask, rows));
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        int f = input.features();
        Tensor xhat = c.xhat();
        Tensor dx = xhat.zerosLike(xhat.shape());
        Tensor g = gamma.value();
        Tensor dGamma = grads.of(gamma);
        Tensor dBeta = grads.of(beta);
        double[] dxhat = new double[f];
        for (int r = 0; r < c.rows(); r++) {
            if (c.mask() != null && !c.mask()[r]) {
                continue;
            }
            int o = r * f;
            double meanD = 0;
            double meanDx = 0;
            for (int j = 0; j < f; j++) {
                double dy = dOutput.get(o + j);
                double h = xhat.get(o + j);
                dGamma.add(j, dy * h);
                dBeta.add(j, dy);
                dxhat[j] = dy * g.get(j);
                meanD += dxhat[j];
                meanDx += dxhat[j] * h;
            }
            meanD /= f;
            meanDx /= f;
            double inv = c.invStd()[r];
            for (int j = 0; j < f; j++) {
                dx.set(o + j, (dxhat[j] - meanD - xhat.get(o + j) * meanDx) * inv);
            }
        }
        return dx;
    }
}
