/**
 * Normalization: the character steps of {@link dev.nlpkit.preprocess.normalize.TextNormalizer} (HTML entities,
 * NFKC, apostrophes, invisible characters) with an offset map back to the original text, its Lucene
 * {@code CharFilter} adapter, and {@link dev.nlpkit.preprocess.normalize.ElongationFilter} (token level).
 *
 * <pre>{@code
 * TextNormalizer n = new TextNormalizer(Normalization.tweets());
 * n.normalize("&quot;ﬁne&quot; don’t");                  // "\"fine\" don't"
 * Reader r = new NormalizingCharFilter(reader, n);       // before any Lucene tokenizer
 * TokenStream s = new ElongationFilter(tokens, 3);       // sooooo -> sooo
 * }</pre>
 */
package dev.nlpkit.preprocess.normalize;
