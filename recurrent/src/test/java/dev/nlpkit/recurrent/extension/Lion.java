package dev.nlpkit.recurrent.extension;

import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.optim.LearningRate;
import dev.nlpkit.recurrent.optim.OptimizerRegistry;
import dev.nlpkit.recurrent.optim.OptimizerSpec;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.Map;

/**
 * The worked user optimizer: Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"),
 * {@code c = b1 m + (1 - b1) g; w -= lr (sign(c) + wd w); m = b2 m + (1 - b2) g}, one slot (m) per parameter.
 *
 * @param learningRate schedule
 * @param beta1        interpolation of the update direction
 * @param beta2        decay of the momentum
 * @param weightDecay  decoupled weight decay
 */
public record Lion(LearningRate learningRate, double beta1, double beta2, double weightDecay)
        implements OptimizerSpec {

    /** The registry key. */
    public static final String TYPE = "my.Lion";

    /** Registers the type. */
    public static void register() {
        OptimizerRegistry.register(TYPE, (lr, c) -> new Lion(lr, Double.parseDouble(c.get("beta1")),
                Double.parseDouble(c.get("beta2")), Double.parseDouble(c.get("weightDecay"))));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Map<String, String> config() {
        return Map.of("beta1", Double.toString(beta1), "beta2", Double.toString(beta2), "weightDecay",
                Double.toString(weightDecay));
    }

    @Override
    public int slotCount(Parameter parameter) {
        return 1;
    }

    @Override
    public void update(Parameter parameter, Tensor w, Tensor g, Tensor[] slots, double lr, long step) {
        Tensor m = slots[0];
        for (int i = 0; i < w.size(); i++) {
            double gi = g.get(i);
            double c = beta1 * m.get(i) + (1 - beta1) * gi;
            w.set(i, w.get(i) - lr * (Math.signum(c) + weightDecay * w.get(i)));
            m.set(i, beta2 * m.get(i) + (1 - beta2) * gi);
        }
    }
}
