/**
 * Files and hand-off: the word2vec C text and binary formats (read, streaming read, write; charset, invalid-bytes
 * policy, limit), atomic writes, and the embedding matrix that initialises a model's embedding layer
 * from word vectors for a given token list.
 *
 * <pre>{@code
 * WordVectors wv = Word2VecFormat.read(Path.of("vectors.bin"), Format.BINARY,
 *         VectorFileOptions.defaults().withLimit(100_000));
 * Word2VecFormat.write(wv, Path.of("vectors.txt"), Format.TEXT);           // atomic
 * EmbeddingMatrix.Result m = EmbeddingMatrix.build(wv, List.of("<pad>", "<unk>", "good", "bad"),
 *         EmbeddingMatrix.Options.defaults().withOovPolicy(OovPolicy.RANDOM).withSeed(1));
 * float[][] weights = m.matrix();  int oov = m.oovCount();
 * }</pre>
 */
package dev.nlpkit.embeddings.io;
