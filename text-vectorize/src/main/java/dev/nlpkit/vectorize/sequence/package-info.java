/**
 * Index sequences for recurrent networks, as Keras' {@code Tokenizer} + {@code pad_sequences}: tokens to ids
 * through a {@link dev.nlpkit.vectorize.vocab.Vocabulary} with {@code <pad>} = 0 (and {@code <unk>} = 1), unknown
 * tokens mapped to {@code <unk>} or dropped, a {@code numWords} limit, padding and truncation PRE or POST to a
 * maximum length. The result is an {@code int[][]} plus the real lengths ({@code int[]}) that travel with it.
 *
 * <pre>{@code
 * SequenceEncoder encoder = SequenceEncoder.fit(trainTokens, VocabularyOptions.defaults().withMinCount(2),
 *         SequenceOptions.defaults().withMaxLength(30).withNumWords(10000));
 * PaddedSequences batch = encoder.transform(testTokens);
 * int[][] ids = batch.ids();          // [n][30], 0 = padding, PRE padded (Keras' default)
 * int[] lengths = batch.lengths();    // real steps per row, <= 30
 * }</pre>
 */
package dev.nlpkit.vectorize.sequence;
