/**
 * {@code nlpkit serve}: a trained {@code TextClassifier} as an HTTP service (Javalin on Jetty, Jackson, the
 * Prometheus Java client) with a web page served from the jar.
 */
package dev.nlpkit.examples.serve;
