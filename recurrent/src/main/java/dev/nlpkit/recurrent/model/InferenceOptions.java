package dev.nlpkit.recurrent.model;

/**
 * How {@link Sequential#predict} may trade memory for speed.
 *
 * <p><b>Fused embedding projection.</b> When a model starts Embedding -> (Dropout ...) -> recurrent layer, the
 * first recurrent layer's input projection of token {@code v} at inference is always {@code E[v] W_x + b}
 * (dropout is the identity there). Predicting can then use a table {@code P = E W_x + b}, {@code [V, G*H]}
 * floats, and gather rows instead of multiplying {@code [batch*time, F] x [F, G*H]} per batch. The table takes
 * {@code 4 V G H} bytes (80 MB for 50,000 x 300 into an LSTM(100)), taken once about {@code V} tokens have been
 * predicted with the same weights by default; each row is then computed the first time a batch holds its token
 * ({@code 2 F G H} flops, with the same bits whenever it is computed), or all at once by
 * {@link Sequential#fillFusedTable()}. It is started afresh after the weights change (training steps, restores).
 *
 * @param maxTableBytes   largest table to use, in bytes; 0 never fuses (default 256 MiB)
 * @param fuseAfterTokens use the table once this many tokens were predicted with the current weights;
 *                        {@link #AFTER_VOCABULARY} (the default, -1) means the vocabulary size, the break-even
 *                        point; 0 uses it from the first prediction
 */
public record InferenceOptions(long maxTableBytes, long fuseAfterTokens) {

    /** {@code fuseAfterTokens} value meaning "the vocabulary size". */
    public static final long AFTER_VOCABULARY = -1;

    /** Validates. */
    public InferenceOptions {
        if (maxTableBytes < 0) {
            throw new IllegalArgumentException("maxTableBytes must be >= 0, got " + maxTableBytes);
        }
        if (fuseAfterTokens < AFTER_VOCABULARY) {
            throw new IllegalArgumentException("fuseAfterTokens must be >= 0 or AFTER_VOCABULARY (-1), got "
                    + fuseAfterTokens);
        }
    }

    /**
     * 256 MiB, fuse after the vocabulary size of predicted tokens.
     *
     * @return the default options
     */
    public static InferenceOptions defaults() {
        return new InferenceOptions(256L << 20, AFTER_VOCABULARY);
    }

    /**
     * Never fuse: every prediction multiplies its embedded inputs.
     *
     * @return the options that never fuse
     */
    public static InferenceOptions unfused() {
        return new InferenceOptions(0, AFTER_VOCABULARY);
    }

    /**
     * The same with another table budget.
     *
     * @param bytes the largest table to build, in bytes, >= 0 (0: never fuse)
     * @return a copy with {@code maxTableBytes} replaced
     */
    public InferenceOptions withMaxTableBytes(long bytes) {
        return new InferenceOptions(bytes, fuseAfterTokens);
    }

    /**
     * The same with another build moment.
     *
     * @param tokens tokens to predict before building the table, >= 0, or {@link #AFTER_VOCABULARY}
     * @return a copy with {@code fuseAfterTokens} replaced
     */
    public InferenceOptions withFuseAfterTokens(long tokens) {
        return new InferenceOptions(maxTableBytes, tokens);
    }
}
