package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

/**
 * Central finite differences in double precision. The objective is a scalar computed by {@code objective};
 * {@link #check} perturbs selected entries of a tensor by +/- {@link #EPS}, compares the numeric derivative with
 * the analytic one and returns the largest relative error {@code |a - n| / max(|a|, |n|, 1e-6)}.
 */
public final class GradientCheck {

    /** Step of the central differences (double precision: truncation ~1e-10, round-off ~1e-11). */
    public static final double EPS = 1e-5;

    private GradientCheck() {
    }

    /**
     * @param values    the tensor whose entries are perturbed (FLOAT64)
     * @param analytic  the analytic gradient of the objective with respect to {@code values}
     * @param objective recomputes the objective from scratch
     * @param samples   how many entries to check (all when the tensor is smaller)
     * @param seed      which entries
     */
    public static double check(Tensor values, Tensor analytic, DoubleSupplier objective, int samples, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = values.size();
        int count = Math.min(samples, n);
        double worst = 0;
        for (int s = 0; s < count; s++) {
            int i = count == n ? s : rng.nextInt(n);
            double orig = values.get(i);
            values.set(i, orig + EPS);
            double plus = objective.getAsDouble();
            values.set(i, orig - EPS);
            double minus = objective.getAsDouble();
            values.set(i, orig);
            double numeric = (plus - minus) / (2 * EPS);
            double a = analytic.get(i);
            double err = Math.abs(a - numeric) / Math.max(Math.max(Math.abs(a), Math.abs(numeric)), 1e-6);
            worst = Math.max(worst, err);
        }
        return worst;
    }
}
