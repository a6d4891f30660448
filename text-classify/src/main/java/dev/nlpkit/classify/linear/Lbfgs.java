package dev.nlpkit.classify.linear;

/**
 * Limited-memory BFGS (Nocedal and Wright, algorithm 7.4 with the two-loop recursion 7.5) for a smooth convex
 * objective, with a backtracking line search on the Armijo condition. The initial inverse Hessian of each
 * iteration is {@code gamma I} with {@code gamma = s.y / y.y} of the newest pair; a pair whose curvature
 * {@code s.y} is not positive is skipped, which keeps the approximation positive definite. Converged when the
 * largest absolute gradient component is at most the tolerance (scipy's {@code pgtol} criterion without bounds).
 * Deterministic: the same objective gives the same iterates.
 */
final class Lbfgs {

    /** The objective: writes the gradient at {@code x} into {@code gradient} and returns the value. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] gradient);
    }

    /** Where the minimisation ended. */
    record Result(double[] x, double value, int iterations, boolean converged, double gradientMax) {
    }

    private static final int MEMORY = 10;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;

    private Lbfgs() {
    }

    static Result minimize(Objective f, double[] start, double tolerance, int maxIterations) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        checkFinite(fx, 0);
        double[][] s = new double[MEMORY][];
        double[][] y = new double[MEMORY][];
        double[] rho = new double[MEMORY];
        double[] alpha = new double[MEMORY];
        int stored = 0;
        int newest = -1;
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        int iteration = 0;
        while (true) {
            double gMax = maxAbs(g);
            if (gMax <= tolerance) {
                return new Result(x, fx, iteration, true, gMax);
            }
            if (iteration >= maxIterations) {
                return new Result(x, fx, iteration, false, gMax);
            }
            // d = -H g by the two-loop recursion
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int j = Math.floorMod(newest - k, MEMORY);
                alpha[j] = rho[j] * dot(s[j], d);
                axpy(-alpha[j], y[j], d);
            }
            if (stored > 0) {
                double gamma = dot(s[newest], y[newest]) / dot(y[newest], y[newest]);
                for (int i = 0; i < n; i++) {
                    d[i] *= gamma;
                }
            } else {
                // first step: a unit step along the steepest descent direction, as scipy's first trial
                double norm = Math.sqrt(dot(g, g));
                for (int i = 0; i < n; i++) {
                    d[i] /= Math.max(1.0, norm);
                }
            }
            for (int k = stored - 1; k >= 0; k--) {
                int j = Math.floorMod(newest - k, MEMORY);
                double beta = rho[j] * dot(y[j], d);
                axpy(alpha[j] - beta, s[j], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) {
                // not a descent direction (rounding): restart from steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                }
                slope = dot(g, d);
            }
            double step = 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            iteration++;
            if (!accepted) {
                // no decrease is possible along d at double precision: the minimum is reached to rounding
                return new Result(x, fx, iteration, maxAbs(g) <= tolerance, maxAbs(g));
            }
            int slot = (newest + 1) % MEMORY;
            double[] sk = s[slot] == null ? new double[n] : s[slot];
            double[] yk = y[slot] == null ? new double[n] : y[slot];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                s[slot] = sk;
                y[slot] = yk;
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(MEMORY, stored + 1);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
        }
    }

    private static void checkFinite(double value, int iteration) {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException("the objective is " + value + " at iteration " + iteration);
        }
    }

    static double maxAbs(double[] v) {
        double m = 0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
