package dev.nlpkit.recurrent.layers;

import dev.nlpkit.recurrent.tensor.Tensor;

/** Step-level mask helpers shared by the sequence layers that write a value for every step. */
final class PaddedRows {

    private PaddedRows() {
    }

    /**
     * Sets the rows of padded steps to zero, so that nothing computed at a padded step reaches the next layer or
     * flows back as a gradient.
     *
     * @param y     {@code [steps, width]}, one row per (example, step), row-major
     * @param mask  true at real steps, one per row; null when every step is real (nothing to do)
     * @param width the row width
     */
    static void zero(Tensor y, boolean[] mask, int width) {
        if (mask == null) {
            return;
        }
        for (int r = 0; r < mask.length; r++) {
            if (!mask[r]) {
                for (int j = 0; j < width; j++) {
                    y.set(r * width + j, 0);
                }
            }
        }
    }
}
