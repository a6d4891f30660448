/**
 * Process-wide settings of the recurrent module's kernels: {@link dev.nlpkit.recurrent.runtime.RecurrentRuntime}
 * says whether the Vector API is active and sets the thread count.
 */
package dev.nlpkit.recurrent.runtime;
