/**
 * Policies every nlpkit module shares, so they behave the same everywhere: writing files
 * ({@link dev.nlpkit.core.AtomicFiles}: temporary file, fsync, atomic rename, the user's file mode),
 * claiming an output for a run ({@link dev.nlpkit.core.OutputClaim}) and deriving generator states from a
 * seed ({@link dev.nlpkit.core.Seeds}). No algorithms and no dependencies live here.
 *
 * <pre>{@code
 * try (OutputClaim claim = OutputClaim.acquire(out)) {
 *     float[] weights = train(Seeds.derive(seed, 0));
 *     AtomicFiles.write(out, stream -> writeWeights(stream, weights));
 * }
 * }</pre>
 */
package dev.nlpkit.core;
