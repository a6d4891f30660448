package dev.nlpkit.vectorize.sequence;

/**
 * A padded batch of index sequences, shape {@code [batch, maxLength]}, with the number of real (non-padding)
 * steps of each row. With {@link Padding#PRE} the real steps of row {@code i} are the last {@code lengths[i]}
 * columns; with {@link Padding#POST} the first {@code lengths[i]}. A length is at most {@code maxLength}: it
 * counts the steps that survived truncation (what a recurrent network must not mask), and is 0 for an empty or
 * all-unknown-dropped document.
 *
 * @param ids     {@code [batch][maxLength]} token ids, 0 = padding
 * @param lengths {@code [batch]} real steps per row
 */
public record PaddedSequences(int[][] ids, int[] lengths) {

    /**
     * Checks that there is one length per row.
     *
     * @throws IllegalArgumentException when {@code ids} and {@code lengths} differ in length
     */
    public PaddedSequences {
        if (ids.length != lengths.length) {
            throw new IllegalArgumentException(ids.length + " rows but " + lengths.length + " lengths");
        }
    }

    /**
     * Number of rows.
     *
     * @return the number of rows
     */
    public int batchSize() {
        return ids.length;
    }

    /**
     * Columns per row (0 for an empty batch).
     *
     * @return the padded length of every row
     */
    public int maxLength() {
        return ids.length == 0 ? 0 : ids[0].length;
    }
}
