package dev.nlpkit.recurrent.tensor;

/**
 * The number type a layer computes in. Models train and predict in {@link #FLOAT32}; {@link #FLOAT64} runs the
 * very same layer code in double precision, which is what the finite-difference gradient checks need (central
 * differences in float cannot reach a relative error of 1e-4 on deep recurrences).
 */
public enum Precision {
    /** 32-bit IEEE floats: storage and arithmetic of every trained model. */
    FLOAT32,
    /** 64-bit IEEE doubles: used by gradient checks and reference computations. */
    FLOAT64
}
