package dev.nlpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SeedsTest {

    /**
     * The first five outputs of Vigna's reference splitmix64.c seeded with 1234567 (the values its test
     * prints; recomputed with Python integers masked to 64 bits).
     */
    @Test
    void deriveFollowsTheReferenceSplitMix64Sequence() {
        long[] reference = {Long.parseUnsignedLong("6457827717110365317"),
            Long.parseUnsignedLong("3203168211198807973"), Long.parseUnsignedLong("9817491932198370423"),
            Long.parseUnsignedLong("4593380528125082431"), Long.parseUnsignedLong("16408922859458223821")};
        for (int k = 0; k < reference.length; k++) {
            assertThat(Seeds.derive(1234567L, k)).as("stream %d", k).isEqualTo(reference[k]);
        }
    }

    @Test
    void deriveEqualsTheNthLongOfSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE, 0x0123456789ABCDEFL}) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int k = 0; k < 100; k++) {
                assertThat(Seeds.derive(seed, k)).as("seed %d stream %d", seed, k).isEqualTo(random.nextLong());
            }
        }
    }

    /**
     * Pinned values of the two-index form (epoch, batch), the formula recurrent's training has always used;
     * computed with Python integers: mix64((seed + G*(first+1) + 0xBF58476D1CE4E5B9*(second+1)) mod 2^64).
     */
    @Test
    void twoIndexFormKeepsItsPinnedValues() {
        assertThat(Seeds.derive(42, 0, 0)).isEqualTo(-450707926568971723L);
        assertThat(Seeds.derive(42, 3, 17)).isEqualTo(8613059448906031985L);
        assertThat(Seeds.derive(-7, 9, 0)).isEqualTo(-2510552052570430814L);
    }

    @Test
    void nearbySeedsGiveUnrelatedStates() {
        long a = Seeds.derive(1, 0);
        long b = Seeds.derive(2, 0);
        // Unrelated 64-bit values differ in about half their bits.
        assertThat(Long.bitCount(a ^ b)).isBetween(16, 48);
    }
}
