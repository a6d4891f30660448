package dev.nlpkit.recurrent.math;

/**
 * How a product is cut into parts for the worker pool: along the longer output dimension, in whole
 * micro-kernel tiles, into a few more parts than threads so that a core slowed by another process does not
 * hold up the call. Every output element is computed by exactly one part, in the same order as a serial run,
 * so results do not depend on the thread count.
 */
final class Split {

    /** Below this many multiply-adds (about 20 microseconds of one core) a product runs on the caller alone. */
    static final long PARALLEL_MIN_MULTIPLY_ADDS = 1L << 20;

    /** Parts per thread. */
    private static final int OVERSPLIT = 2;

    /** Receives one part: rows {@code [i0, i0 + rows)} x columns {@code [j0, j0 + cols)} of C. */
    interface Block {
        void run(int i0, int rows, int j0, int cols);
    }

    private Split() {
    }

    static void run(int threads, int m, int n, int rowTile, int colTile, Block block) {
        boolean byRows = m >= n || (n + colTile - 1) / colTile < threads;
        int tile = byRows ? rowTile : colTile;
        int extent = byRows ? m : n;
        int tiles = (extent + tile - 1) / tile;
        int parts = Math.min(tiles, threads * OVERSPLIT);
        if (parts <= 1) {
            block.run(0, m, 0, n);
            return;
        }
        WorkerPool.run(parts, threads, part -> {
            int start = Math.min(extent, (int) ((long) tiles * part / parts) * tile);
            int end = Math.min(extent, (int) ((long) tiles * (part + 1) / parts) * tile);
            if (end > start) {
                if (byRows) {
                    block.run(start, end - start, 0, n);
                } else {
                    block.run(0, m, start, end - start);
                }
            }
        });
    }
}
