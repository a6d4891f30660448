package dev.nlpkit.recurrent.extension;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerOptions;
import dev.nlpkit.recurrent.layers.LayerRegistry;
import dev.nlpkit.recurrent.layers.LayerSpec;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.layers.Shape;
import dev.nlpkit.recurrent.layers.Signal;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The worked user layer of the README, written against the public API only: global max pooling over the real
 * (unmasked) steps, {@code [batch, time, F] -> [batch, F]}; a sequence without real steps gives zeros. The
 * forward cache is the arg max step of every (example, feature); backward routes each output gradient there.
 */
public class GlobalMaxPool extends Layer {

    /** The registry key. */
    public static final String TYPE = "my.GlobalMaxPool";

    /** The options: no settings. */
    public record Options() implements LayerSpec {
        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Map<String, String> config() {
            return Map.of();
        }

        @Override
        public Layer build(Shape input, dev.nlpkit.recurrent.tensor.Precision precision, long seed) {
            input.require(Shape.Kind.SEQUENCE, "GlobalMaxPool");
            return new GlobalMaxPool(this, input);
        }
    }

    /** Registers the type (idempotent). */
    public static void register() {
        LayerRegistry.register(TYPE, config -> new Options());
    }

    private final Options options;
    private final Shape input;

    GlobalMaxPool(Options options, Shape input) {
        this.options = options;
        this.input = input;
    }

    @Override
    public LayerOptions options() {
        return options;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return Shape.vector(input.features());
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String typeName() {
        return "GlobalMaxPool";
    }

    @Override
    public Forward forward(Signal in, boolean training, SplittableRandom rng) {
        checkInput(in);
        int batch = in.batch();
        int time = in.time();
        int f = in.features();
        Tensor x = in.values();
        Tensor y = x.zerosLike(batch, f);
        int[] argmax = new int[batch * f];                // -1: no real step
        for (int b = 0; b < batch; b++) {
            for (int j = 0; j < f; j++) {
                int best = -1;
                for (int t = 0; t < time; t++) {
                    if (in.real(b, t) && (best < 0 || x.get((b * time + t) * f + j) > x.get((b * time + best) * f + j))) {
                        best = t;
                    }
                }
                argmax[b * f + j] = best;
                y.set(b * f + j, best < 0 ? 0 : x.get((b * time + best) * f + j));
            }
        }
        return new Forward(Signal.vector(y), new Cache(argmax, batch, time, f, x));
    }

    /** What backward needs. */
    private record Cache(int[] argmax, int batch, int time, int features, Tensor input) {
    }

    @Override
    public Tensor backward(Forward forward, Tensor dOutput, Gradients grads) {
        Cache c = (Cache) forward.cache();
        Tensor dx = c.input().zerosLike(c.batch(), c.time(), c.features());
        for (int b = 0; b < c.batch(); b++) {
            for (int j = 0; j < c.features(); j++) {
                int t = c.argmax()[b * c.features() + j];
                if (t >= 0) {
                    dx.add((b * c.time() + t) * c.features() + j, dOutput.get(b * c.features() + j));
                }
            }
        }
        return dx;
    }
}
