/**
 * The sentiment workflow of the examples: a model bundle file that keeps everything needed to apply a trained
 * model to new text (preprocessing options, vocabulary, label mapping, network weights) in named, checksummed
 * sections written by the owning modules, and the export of the prepared data for the PyTorch reference run.
 *
 * <pre>{@code
 * ModelBundle.builder()
 *         .text("options", w -> w.write(optionsText))
 *         .text("vocabulary", vocabulary::write)
 *         .binary("network", network::save)
 *         .build().write(Path.of("sentiment.nlpkit"));        // atomic
 * ModelBundle bundle = ModelBundle.read(Path.of("sentiment.nlpkit"));
 * String options = bundle.text("options");
 * }</pre>
 */
package dev.nlpkit.examples.sentiment;
