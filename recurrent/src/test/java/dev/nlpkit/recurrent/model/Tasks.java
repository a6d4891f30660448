package dev.nlpkit.recurrent.model;

import java.util.SplittableRandom;

/** Generated tasks that need memory, for the learning tests. */
final class Tasks {

    private Tasks() {
    }

    /**
     * The adding problem (Hochreiter and Schmidhuber 1997): each step holds a random value in [0, 1) and a
     * marker; exactly two steps are marked and the target is the sum of their values. Lengths vary in
     * {@code [minLength, maxLength]}. Predicting the mean gives MSE about 0.167.
     */
    static Dataset adding(int n, int minLength, int maxLength, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] x = new float[n][][];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int len = minLength + rng.nextInt(maxLength - minLength + 1);
            x[i] = new float[len][2];
            for (int t = 0; t < len; t++) {
                x[i][t][0] = (float) rng.nextDouble();
            }
            int a = rng.nextInt(len);
            int b = rng.nextInt(len - 1);
            if (b >= a) {
                b++;
            }
            x[i][a][1] = 1;
            x[i][b][1] = 1;
            y[i] = x[i][a][0] + x[i][b][0];
        }
        return Dataset.of(Inputs.sequences(x), Targets.binary(y));
    }

    /** Running parity (many-to-many aligned): bit tokens 1/2 (0 is padding); label per step = XOR so far. */
    static Dataset runningParity(int n, int minLength, int maxLength, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] x = new int[n][];
        int[][] y = new int[n][];
        for (int i = 0; i < n; i++) {
            int len = minLength + rng.nextInt(maxLength - minLength + 1);
            x[i] = new int[len];
            y[i] = new int[len];
            int parity = 0;
            for (int t = 0; t < len; t++) {
                int bit = rng.nextInt(2);
                parity ^= bit;
                x[i][t] = bit + 1;
                y[i][t] = parity;
            }
        }
        return Dataset.of(Inputs.tokens(x), Targets.stepLabels(y));
    }

    /** Parity of a whole bit sequence (many-to-one): tokens 1/2, label XOR of the bits. */
    static Dataset parity(int n, int minLength, int maxLength, long seed) {
        Dataset running = runningParity(n, minLength, maxLength, seed);
        int[][] steps = ((Targets.StepLabels) running.targets()).labels();
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            y[i] = steps[i][steps[i].length - 1];
        }
        return Dataset.of(running.inputs(), Targets.binary(y));
    }

    /**
     * Long-range recall: the label is the FIRST bit of a sequence of {@code length} random bits; everything
     * after it is noise. The gradient must cross {@code length} steps.
     */
    static Dataset firstBit(int n, int length, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] x = new float[n][length][1];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                x[i][t][0] = rng.nextInt(2) * 2 - 1;
            }
            y[i] = x[i][0][0] > 0 ? 1 : 0;
        }
        return Dataset.of(Inputs.sequences(x), Targets.binary(y));
    }

    /**
     * Long-range recall with distractors: step 0 holds the bit to remember (+1 or -1) and a marker; every later
     * step holds uniform noise in [-noise, noise] on the same channel. The label is the bit, {@code length} steps back.
     */
    static Dataset markedFirstBit(int n, int length, double noise, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][][] x = new float[n][length][2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int bit = rng.nextInt(2);
            x[i][0][0] = bit * 2 - 1;
            x[i][0][1] = 1;
            for (int t = 1; t < length; t++) {
                x[i][t][0] = (float) (noise * (rng.nextDouble() * 2 - 1));
            }
            y[i] = bit;
        }
        return Dataset.of(Inputs.sequences(x), Targets.binary(y));
    }

    /**
     * Copy after a delay (many-to-many aligned, the copy task): tokens 1..k, the target at step t is the input
     * at step t - delay (class 0 before that).
     */
    static Dataset delayedCopy(int n, int length, int symbols, int delay, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[][] x = new int[n][length];
        int[][] y = new int[n][length];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < length; t++) {
                x[i][t] = 1 + rng.nextInt(symbols);
                y[i][t] = t >= delay ? x[i][t - delay] : 0;
            }
        }
        return Dataset.of(Inputs.tokens(x), Targets.stepLabels(y));
    }

    /** One-to-many counting: a one-hot digit d gives the sequence d, d+1, ..., d+len-1 (mod 10). */
    static Dataset counting(int n, int len, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][10];
        int[][] y = new int[n][len];
        for (int i = 0; i < n; i++) {
            int d = rng.nextInt(10);
            x[i][d] = 1;
            for (int t = 0; t < len; t++) {
                y[i][t] = (d + t) % 10;
            }
        }
        return Dataset.of(Inputs.vectors(x), Targets.stepLabels(y));
    }

    /** One-to-one: XOR of two noisy inputs (needs a hidden layer). */
    static Dataset xor(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int a = rng.nextInt(2);
            int b = rng.nextInt(2);
            x[i][0] = (float) (a + 0.1 * (rng.nextDouble() - 0.5));
            x[i][1] = (float) (b + 0.1 * (rng.nextDouble() - 0.5));
            y[i] = a ^ b;
        }
        return Dataset.of(Inputs.vectors(x), Targets.binary(y));
    }
}
