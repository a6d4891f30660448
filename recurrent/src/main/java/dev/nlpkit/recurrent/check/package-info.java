/**
 * Checks for user extensions: {@link dev.nlpkit.recurrent.check.GradientCheck} compares a layer's analytic
 * gradients with central finite differences in double precision, as the built-in layers are checked.
 *
 * <pre>{@code
 * GradientCheck.of(new GlobalMaxPoolOptions(), Shape.sequence(4)).run().requirePassed();
 * }</pre>
 */
package dev.nlpkit.recurrent.check;
