/**
 * Vocabularies: an immutable {@link dev.nlpkit.vectorize.vocab.Vocabulary} of terms with ids, corpus counts and
 * document frequencies, made by a {@link dev.nlpkit.vectorize.vocab.Vocabulary.Builder} that counts documents in
 * one streaming pass and then prunes (minimum count, minimum/maximum document frequency as a number or a
 * fraction, maximum size) and orders the terms deterministically (count descending, then term; or alphabetical).
 * Optional reserved entries {@code <pad>} = 0 and {@code <unk>} = 1 serve index sequences.
 *
 * <pre>{@code
 * VocabularyOptions options = VocabularyOptions.defaults()
 *         .withMinCount(2)
 *         .withMaxDocumentFrequency(DocumentFrequencyLimit.fraction(0.5))
 *         .withReserved(ReservedTokens.PAD_AND_UNK);
 * Vocabulary.Builder builder = Vocabulary.builder(options);
 * for (List<String> tokens : documents) builder.addDocument(tokens);   // streaming
 * Vocabulary vocabulary = builder.build();
 * int id = vocabulary.indexOf("happy");                               // -1 when absent
 * vocabulary.save(Path.of("vocab.txt"));
 * }</pre>
 */
package dev.nlpkit.vectorize.vocab;
