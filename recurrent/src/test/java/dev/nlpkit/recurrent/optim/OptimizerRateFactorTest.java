package dev.nlpkit.recurrent.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nlpkit.recurrent.layers.Gradients;
import dev.nlpkit.recurrent.layers.Parameter;
import dev.nlpkit.recurrent.tensor.Precision;
import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A per-parameter learning-rate factor scales that parameter's updates only. */
class OptimizerRateFactorTest {

    @Test
    void aFactorScalesTheUpdatesOfItsParameterOnly() {
        for (OptimizerOptions options : List.of(OptimizerOptions.sgd(0.5), OptimizerOptions.adam(0.01))) {
            Parameter slow = new Parameter("embedding", Tensor.zeros(Precision.FLOAT64, 2), true, false);
            Parameter fast = new Parameter("dense", Tensor.zeros(Precision.FLOAT64, 2), true, false);
            Optimizer opt = Optimizer.create(options, List.of(slow, fast));
            opt.setRateFactor(slow, 0.1);
            Gradients g = new Gradients();
            g.of(slow).set(0, 1.0);
            g.of(fast).set(0, 1.0);
            opt.step(g);
            // SGD: -0.5 * 1 and -0.05 * 1; Adam's first step: -lr * sign(g), so -0.01 and -0.001
            assertThat(slow.value().get(0)).as(options.toString())
                    .isCloseTo(0.1 * fast.value().get(0), within(1e-9));
            assertThat(fast.value().get(0)).isNegative();
        }
    }

    @Test
    void aFactorMustBePositiveAndTheParameterTheOptimizers() {
        Parameter p = new Parameter("w", Tensor.zeros(Precision.FLOAT64, 2), true, false);
        Parameter other = new Parameter("v", Tensor.zeros(Precision.FLOAT64, 2), true, false);
        Optimizer opt = Optimizer.create(OptimizerOptions.sgd(0.1), List.of(p));
        assertThatThrownBy(() -> opt.setRateFactor(p, 0)).hasMessageContaining("factor must be finite and > 0");
        assertThatThrownBy(() -> opt.setRateFactor(other, 0.1)).hasMessageContaining("is not one of this optimizer's");
    }
}
