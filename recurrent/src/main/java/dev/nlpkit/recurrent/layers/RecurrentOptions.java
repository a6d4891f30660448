package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Precision;

/**
 * Options of the recurrent layers {@link SimpleRnn}, {@link Lstm} and {@link Gru}: one record, the cell chosen
 * by an enum.
 *
 * @param cell             which recurrence
 * @param units            hidden width H, >= 1
 * @param dropout          input dropout rate in [0, 1): one mask per sequence, fixed across time steps
 *                         (Gal and Ghahramani 2016, as Keras)
 * @param recurrentDropout dropout rate in [0, 1) on {@code h_{t-1}} where it enters the recurrent products;
 *                         one mask per sequence, fixed across time; the carried state is not dropped
 * @param returnSequences  output every step {@code [batch, time, H]} instead of the last real step
 *                         {@code [batch, H]}
 * @param returnState      expose the final states (h, and c for LSTM) to an encoder-decoder; not usable inside
 *                         a {@code Sequential}, which passes one output
 * @param goBackwards      process the sequence from its end (outputs stay indexed by original time)
 * @param unitForgetBias   LSTM only: initialize the forget-gate bias to 1 (Jozefowicz et al. 2015, Keras)
 */
public record RecurrentOptions(Cell cell, int units, double dropout, double recurrentDropout,
                               boolean returnSequences, boolean returnState, boolean goBackwards,
                               boolean unitForgetBias) implements LayerOptions {

    /** The recurrence. */
    public enum Cell {
        /** Elman: {@code h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)}. */
        SIMPLE_RNN,
        /** Long short-term memory (Hochreiter and Schmidhuber 1997 with forget gate, Gers et al. 2000). */
        LSTM,
        /** Gated recurrent unit, the original variant of Cho et al. 2014 (reset applied before the product). */
        GRU
    }

    /** Validates. */
    public RecurrentOptions {
        if (cell == null) {
            throw new IllegalArgumentException("cell must not be null");
        }
        if (units < 1) {
            throw new IllegalArgumentException(cell + " units must be >= 1, got " + units);
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(recurrentDropout >= 0 && recurrentDropout < 1)) {
            throw new IllegalArgumentException("recurrentDropout must be in [0, 1), got " + recurrentDropout);
        }
    }

    /**
     * An LSTM of {@code units}, last-step output, no dropout, forget bias 1.
     *
     * @param units the hidden width H, >= 1
     * @return the options
     */
    public static RecurrentOptions lstm(int units) {
        return new RecurrentOptions(Cell.LSTM, units, 0, 0, false, false, false, true);
    }

    /**
     * A GRU of {@code units}, last-step output, no dropout.
     *
     * @param units the hidden width H, >= 1
     * @return the options
     */
    public static RecurrentOptions gru(int units) {
        return new RecurrentOptions(Cell.GRU, units, 0, 0, false, false, false, true);
    }

    /**
     * A simple (Elman) RNN of {@code units}, last-step output, no dropout.
     *
     * @param units the hidden width H, >= 1
     * @return the options
     */
    public static RecurrentOptions simpleRnn(int units) {
        return new RecurrentOptions(Cell.SIMPLE_RNN, units, 0, 0, false, false, false, true);
    }

    /**
     * A copy with another width.
     *
     * @param u the hidden width H, >= 1
     * @return a copy with {@code units} replaced
     */
    public RecurrentOptions withUnits(int u) {
        return new RecurrentOptions(cell, u, dropout, recurrentDropout, returnSequences, returnState, goBackwards,
                unitForgetBias);
    }

    /**
     * A copy with another input dropout rate.
     *
     * @param d the dropout of the inputs, in [0, 1)
     * @return a copy with {@code dropout} replaced
     */
    public RecurrentOptions withDropout(double d) {
        return new RecurrentOptions(cell, units, d, recurrentDropout, returnSequences, returnState, goBackwards,
                unitForgetBias);
    }

    /**
     * A copy with another recurrent dropout rate.
     *
     * @param d the dropout of the recurrent state, in [0, 1)
     * @return a copy with {@code recurrentDropout} replaced
     */
    public RecurrentOptions withRecurrentDropout(double d) {
        return new RecurrentOptions(cell, units, dropout, d, returnSequences, returnState, goBackwards,
                unitForgetBias);
    }

    /**
     * A copy returning every step (true) or the last real step (false).
     *
     * @param r true for every step, false for the last real step
     * @return a copy with {@code returnSequences} replaced
     */
    public RecurrentOptions withReturnSequences(boolean r) {
        return new RecurrentOptions(cell, units, dropout, recurrentDropout, r, returnState, goBackwards,
                unitForgetBias);
    }

    /**
     * A copy exposing (or not) the final states.
     *
     * @param r true to expose the final states
     * @return a copy with {@code returnState} replaced
     */
    public RecurrentOptions withReturnState(boolean r) {
        return new RecurrentOptions(cell, units, dropout, recurrentDropout, returnSequences, r, goBackwards,
                unitForgetBias);
    }

    /**
     * A copy processing time backwards.
     *
     * @param g true to read the sequence from its last real step to its first
     * @return a copy with {@code goBackwards} replaced
     */
    public RecurrentOptions withGoBackwards(boolean g) {
        return new RecurrentOptions(cell, units, dropout, recurrentDropout, returnSequences, returnState, g,
                unitForgetBias);
    }

    /**
     * A copy with (or without) forget-gate bias 1 (LSTM).
     *
     * @param u true to start the forget-gate bias at 1
     * @return a copy with {@code unitForgetBias} replaced
     */
    public RecurrentOptions withUnitForgetBias(boolean u) {
        return new RecurrentOptions(cell, units, dropout, recurrentDropout, returnSequences, returnState,
                goBackwards, u);
    }

    /**
     * The number of gate blocks packed in the kernels: 1, 4 (LSTM) or 3 (GRU).
     *
     * @return the gate count G
     */
    public int gateCount() {
        return switch (cell) {
            case SIMPLE_RNN -> 1;
            case LSTM -> 4;
            case GRU -> 3;
        };
    }

    /**
     * The number of state tensors: 2 for LSTM (h, c), else 1.
     *
     * @return the state count
     */
    public int stateCount() {
        return cell == Cell.LSTM ? 2 : 1;
    }

    @Override
    public RecurrentLayer build(Shape input, Precision precision, long seed) {
        return switch (cell) {
            case SIMPLE_RNN -> new SimpleRnn(this, input, precision, seed);
            case LSTM -> new Lstm(this, input, precision, seed);
            case GRU -> new Gru(this, input, precision, seed);
        };
    }
}
