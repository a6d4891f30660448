/**
 * The container file of a saved classifier: {@link dev.nlpkit.classify.io.ModelBundle} holds named, checksummed
 * sections, each written by the module that owns its content; it knows nothing about them.
 *
 * <pre>{@code
 * ModelBundle.builder().text("labels", labels::write).binary("network", network::save).build().write(file);
 * ModelBundle bundle = ModelBundle.read(file);
 * InputStream network = bundle.open("network");
 * }</pre>
 */
package dev.nlpkit.classify.io;
