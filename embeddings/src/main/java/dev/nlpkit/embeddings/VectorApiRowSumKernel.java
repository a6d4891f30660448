package dev.nlpkit.embeddings;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RowSumKernel} on the Vector API: one register per lane chunk summed over all rows; the last, partial
 * chunk (d = 100 is 6 x 16 + 4) with a masked load instead of a scalar loop. Loaded only when
 * {@code jdk.incubator.vector} is present (see {@link Kernel#select}).
 */
final class VectorApiRowSumKernel implements RowSumKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    @Override
    public void sumRows(float[] a, int[] rows, int from, int to, int d, float[] y, int yOff) {
        int step = SPECIES.length();
        int bound = SPECIES.loopBound(d);
        int i = 0;
        for (; i < bound; i += step) {
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int r = from; r < to; r++) {
                acc = acc.add(FloatVector.fromArray(SPECIES, a, rows[r] * d + i));
            }
            acc.intoArray(y, yOff + i);
        }
        if (i < d) {
            VectorMask<Float> tail = SPECIES.indexInRange(i, d);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int r = from; r < to; r++) {
                acc = acc.add(FloatVector.fromArray(SPECIES, a, rows[r] * d + i, tail));
            }
            acc.intoArray(y, yOff + i, tail);
        }
    }
}
