package dev.nlpkit.core;

/**
 * Seed mixing for explicit, reproducible randomness: SplitMix64 (Steele, Lea and Flood, 2014), the generator
 * behind {@link java.util.SplittableRandom}. A user passes one seed per call; code that needs several
 * independent generators (one per worker, per epoch and batch, per mask element) derives each one's state
 * here, so nearby seeds and nearby indices give unrelated states.
 *
 * <p>The values are part of every module's bit-reproducibility promise: the same seed gives the same model
 * in every release. Changing any constant or formula here changes trained models; do not.
 *
 * <pre>{@code
 * long workerState = Seeds.derive(options.seed(), workerId + 1);
 * SplittableRandom batchRandom = new SplittableRandom(Seeds.derive(seed, epoch, batch));
 * }</pre>
 */
public final class Seeds {

    /** SplitMix64's increment: the odd integer closest to 2^64 divided by the golden ratio. */
    public static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** The second increment of the two-index form; SplitMix64's first multiplier, an odd constant. */
    private static final long SECOND_GAMMA = 0xBF58476D1CE4E5B9L;

    private Seeds() {
    }

    /**
     * SplitMix64's output function (Stafford's variant 13 of MurmurHash3's finalizer): a bijection on
     * 64-bit values whose every output bit depends on every input bit.
     *
     * @param z any 64-bit value
     * @return the mixed value
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The state of generator {@code stream} derived from {@code seed}: SplitMix64's output at
     * {@code seed + (stream + 1) * GOLDEN_GAMMA}, which equals the {@code (stream + 1)}-th
     * {@code new SplittableRandom(seed).nextLong()}.
     *
     * @param seed   the user's seed
     * @param stream which generator (worker, mask element, ...), from 0
     * @return 64 well-mixed bits
     */
    public static long derive(long seed, long stream) {
        return mix64(seed + GOLDEN_GAMMA * (stream + 1));
    }

    /**
     * The state of generator ({@code first}, {@code second}) derived from {@code seed}, e.g. the shuffle of
     * batch {@code second} in epoch {@code first}: SplitMix64's output at
     * {@code seed + (first + 1) * GOLDEN_GAMMA + (second + 1) * 0xBF58476D1CE4E5B9}.
     *
     * @param seed   the user's seed
     * @param first  the first index, from 0
     * @param second the second index, from 0
     * @return 64 well-mixed bits
     */
    public static long derive(long seed, long first, long second) {
        return mix64(seed + GOLDEN_GAMMA * (first + 1) + SECOND_GAMMA * (second + 1));
    }
}
