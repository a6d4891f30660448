package dev.nlpkit.recurrent.model;

import dev.nlpkit.recurrent.layers.EncoderDecoderAttention;
import dev.nlpkit.recurrent.layers.RecurrentOptions;

/**
 * Options of {@link Seq2Seq}. Target token ids 0, 1 and 2 are reserved: padding, start-of-sequence fed to the
 * decoder's first step, and end-of-sequence that the decoder learns to emit.
 *
 * @param sourceVocabulary   source ids {@code 0..sourceVocabulary-1}, 0 is padding
 * @param targetVocabulary   target ids {@code 0..targetVocabulary-1} including the 3 reserved ones
 * @param embeddingDimension width of both embeddings
 * @param units              hidden width of encoder and decoder
 * @param cell               LSTM, GRU or SIMPLE_RNN for both
 * @param attention          how the decoder attends over the encoder's outputs: NONE (the plain encoder-decoder,
 *                           the default), DOT (Luong) or ADDITIVE (Bahdanau); see {@link EncoderDecoderAttention}
 */
public record Seq2SeqOptions(int sourceVocabulary, int targetVocabulary, int embeddingDimension, int units,
                             RecurrentOptions.Cell cell, Attention attention) {

    /** How the decoder looks at the source beyond the encoder's final state. */
    public enum Attention {
        /** None: the decoder sees the source only through the encoder's final state (Sutskever et al. 2014). */
        NONE(null),
        /** Luong's global attention with the dot score over all encoder outputs. */
        DOT(EncoderDecoderAttention.Score.DOT),
        /** Bahdanau's additive score in the same global attention. */
        ADDITIVE(EncoderDecoderAttention.Score.ADDITIVE);

        private final EncoderDecoderAttention.Score score;

        Attention(EncoderDecoderAttention.Score score) {
            this.score = score;
        }

        /**
         * The attention's score function.
         *
         * @return the score, null for NONE
         */
        public EncoderDecoderAttention.Score score() {
            return score;
        }
    }

    /** Padding id. */
    public static final int PAD = 0;
    /** Start-of-sequence id (decoder input of the first step). */
    public static final int START = 1;
    /** End-of-sequence id (the decoder's last target). */
    public static final int END = 2;

    /** Validates. */
    public Seq2SeqOptions {
        if (sourceVocabulary < 2 || targetVocabulary < 4 || embeddingDimension < 1 || units < 1 || cell == null) {
            throw new IllegalArgumentException("seq2seq needs sourceVocabulary >= 2, targetVocabulary >= 4 (3 are "
                    + "reserved), embeddingDimension >= 1, units >= 1 and a cell; got " + sourceVocabulary + ", "
                    + targetVocabulary + ", " + embeddingDimension + ", " + units + ", " + cell);
        }
        if (attention == null) {
            throw new IllegalArgumentException("Seq2SeqOptions.attention must be NONE, DOT or ADDITIVE, got null");
        }
    }

    /**
     * Options without attention (the encoder-decoder of the first version).
     *
     * @param sourceVocabulary   source ids {@code 0..sourceVocabulary-1}, 0 is padding
     * @param targetVocabulary   target ids {@code 0..targetVocabulary-1} including the 3 reserved ones
     * @param embeddingDimension width of both embeddings
     * @param units              hidden width of encoder and decoder
     * @param cell               LSTM, GRU or SIMPLE_RNN for both
     */
    public Seq2SeqOptions(int sourceVocabulary, int targetVocabulary, int embeddingDimension, int units,
                          RecurrentOptions.Cell cell) {
        this(sourceVocabulary, targetVocabulary, embeddingDimension, units, cell, Attention.NONE);
    }

    /**
     * An LSTM encoder-decoder.
     *
     * @param sourceVocabulary source ids {@code 0..sourceVocabulary-1}, 0 is padding
     * @param targetVocabulary target ids {@code 0..targetVocabulary-1} including the 3 reserved ones
     * @param embeddingDimension width of both embeddings
     * @param units hidden width of encoder and decoder
     * @return the options
     */
    public static Seq2SeqOptions lstm(int sourceVocabulary, int targetVocabulary, int embeddingDimension, int units) {
        return new Seq2SeqOptions(sourceVocabulary, targetVocabulary, embeddingDimension, units,
                RecurrentOptions.Cell.LSTM);
    }

    /**
     * A copy with another cell.
     *
     * @param c LSTM, GRU or SIMPLE_RNN for both encoder and decoder
     * @return a copy with {@code cell} replaced
     */
    public Seq2SeqOptions withCell(RecurrentOptions.Cell c) {
        return new Seq2SeqOptions(sourceVocabulary, targetVocabulary, embeddingDimension, units, c, attention);
    }

    /**
     * A copy with another attention.
     *
     * @param a NONE, DOT or ADDITIVE
     * @return a copy with {@code attention} replaced
     */
    public Seq2SeqOptions withAttention(Attention a) {
        return new Seq2SeqOptions(sourceVocabulary, targetVocabulary, embeddingDimension, units, cell, a);
    }
}
