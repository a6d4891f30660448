package dev.nlpkit.recurrent.layers;

/**
 * The per-example shape of what flows between layers; the batch dimension is implicit and always first.
 * {@link Kind#TOKENS}: integer ids {@code [batch, time]}; {@link Kind#SEQUENCE}: {@code [batch, time, features]};
 * {@link Kind#VECTOR}: {@code [batch, features]}. {@code time} is {@code -1} when it varies from batch to batch
 * (the usual case: lengths travel with each batch), or a fixed number (after {@code RepeatVector}).
 *
 * @param kind     what the batch holds
 * @param time     the fixed number of steps, or -1 when variable (ignored for vectors)
 * @param features the feature width (the vocabulary size is not part of a token shape: 1 there)
 */
public record Shape(Kind kind, int time, int features) {

    /** What a batch holds. */
    public enum Kind {
        /** Integer token ids, {@code [batch, time]}; id 0 is padding. */
        TOKENS,
        /** A sequence of feature vectors, {@code [batch, time, features]}. */
        SEQUENCE,
        /** One feature vector per example, {@code [batch, features]}. */
        VECTOR
    }

    /** Validates the fields. */
    public Shape {
        if (kind == null) {
            throw new IllegalArgumentException("shape kind must not be null");
        }
        if (features < 1) {
            throw new IllegalArgumentException("features must be >= 1, got " + features);
        }
        if (time < -1 || time == 0) {
            throw new IllegalArgumentException("time must be -1 (variable) or >= 1, got " + time);
        }
        if (kind == Kind.VECTOR) {
            time = -1;
        }
    }

    /**
     * Token ids of variable length.
     *
     * @return the shape
     */
    public static Shape tokens() {
        return new Shape(Kind.TOKENS, -1, 1);
    }

    /**
     * A variable-length sequence of {@code features}-wide vectors.
     *
     * @param features the vector width, >= 1
     * @return the shape
     */
    public static Shape sequence(int features) {
        return new Shape(Kind.SEQUENCE, -1, features);
    }

    /**
     * A fixed-length sequence.
     *
     * @param time the number of steps, >= 1
     * @param features the vector width, >= 1
     * @return the shape
     */
    public static Shape sequence(int time, int features) {
        return new Shape(Kind.SEQUENCE, time, features);
    }

    /**
     * A {@code features}-wide vector.
     *
     * @param features the vector width, >= 1
     * @return the shape
     */
    public static Shape vector(int features) {
        return new Shape(Kind.VECTOR, -1, features);
    }

    /**
     * Whether this is a sequence of vectors.
     *
     * @return true for a (variable- or fixed-length) sequence of vectors
     */
    public boolean isSequence() {
        return kind == Kind.SEQUENCE;
    }

    /**
     * Keras-style rendering with the batch first: {@code (None, None, 100)}.
     *
     * @return the rendering
     */
    public String display() {
        String t = time < 0 ? "None" : Integer.toString(time);
        return switch (kind) {
            case TOKENS -> "(None, " + t + ")";
            case SEQUENCE -> "(None, " + t + ", " + features + ")";
            case VECTOR -> "(None, " + features + ")";
        };
    }

    /**
     * Throws a clear error unless this shape is of {@code expected} kind, naming the layer.
     *
     * @param expected the kind the layer accepts
     * @param layer the layer's name, for the message
     */
    public void require(Kind expected, String layer) {
        if (kind != expected) {
            throw new IllegalArgumentException(layer + " expects input of kind " + expected + ", got " + display()
                    + " (" + kind + ")");
        }
    }
}
