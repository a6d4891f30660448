/**
 * Support for the module's text file formats: every saved vocabulary, vectorizer and label encoder is a UTF-8
 * text file that starts with a {@code <kind>\t<version>} header, is written atomically by nlpkit-core's
 * {@link dev.nlpkit.core.AtomicFiles} (temporary file, fsync, {@code ATOMIC_MOVE}) and is read by a
 * {@link dev.nlpkit.vectorize.io.LineReader} that names file, line and field in every error
 * ({@link dev.nlpkit.vectorize.io.FileFormatException}).
 *
 * <pre>{@code
 * AtomicFiles.writeText(path, out -> out.write("nlpkit-example\t1\n"));
 * int version = LineReader.readUtf8(path, in -> in.readHeader("nlpkit-example", 1));
 * // a truncated file: "vocab.txt:42: file is truncated: expected term 40 of 120 but the file ends here"
 * }</pre>
 */
package dev.nlpkit.vectorize.io;
