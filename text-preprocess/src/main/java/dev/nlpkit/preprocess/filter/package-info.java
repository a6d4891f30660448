/**
 * Token filters of the pipeline: per-type actions ({@link dev.nlpkit.preprocess.filter.TypePolicyFilter}: keep,
 * drop, placeholder, unwrap), type mapping for Lucene's StandardTokenizer, lower-casing that spares emoticons,
 * removal of tokens without letters, and code-point length limits.
 *
 * <pre>{@code
 * TokenStream s = new TypePolicyFilter(tokenizer,
 *         Map.of(TokenType.URL, TokenAction.REPLACE, TokenType.PUNCT, TokenAction.DROP),
 *         PreprocessOptions.DEFAULT_PLACEHOLDERS);
 * s = new TypeAwareLowercaseFilter(s);                 // :D stays :D
 * s = new CodePointLengthFilter(s, 2, 30);
 * }</pre>
 */
package dev.nlpkit.preprocess.filter;
