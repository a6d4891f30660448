package dev.nlpkit.embeddings;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A training corpus, streamed once to count the vocabulary and once per epoch to train; it is never held
 * in memory as a whole, so corpora larger than memory work.
 *
 * <ul>
 *   <li>{@link #of(Iterable)}: a re-iterable sequence of tokenised sentences (each call to
 *       {@code iterator()} must start again from the beginning, as gensim requires).</li>
 *   <li>{@link #lines(Path)}: a text file with one sentence per line, tokens separated by white space
 *       (gensim's {@code LineSentence}); a name ending in {@code .gz} is decompressed. Lines are read by one
 *       thread and split into tokens by the training workers.</li>
 * </ul>
 * Sentences longer than {@link Word2VecOptions#batchWords()} are cut into pieces of that length (gensim
 * truncates them instead).
 */
public sealed interface Corpus permits Corpus.Sentences, Corpus.LineFile {

    /**
     * A re-iterable corpus of tokenised sentences.
     *
     * @param sentences the sentences, each a list of tokens; iterated once per pass, so it must give the same
     *                  sentences every time
     * @return the corpus
     */
    static Corpus of(Iterable<? extends List<String>> sentences) {
        return new Sentences(sentences);
    }

    /**
     * A one-sentence-per-line UTF-8 file (plain, or gzip when the name ends in {@code .gz}).
     *
     * @param file the text file, one sentence per line, tokens separated by whitespace
     * @return the corpus, read again on every pass
     */
    static Corpus lines(Path file) {
        return new LineFile(file, StandardCharsets.UTF_8);
    }

    /**
     * A one-sentence-per-line file in the given charset; malformed input is an error naming the line.
     *
     * @param file the text file, one sentence per line, tokens separated by whitespace
     * @param charset the file's charset
     * @return the corpus, read again on every pass
     */
    static Corpus lines(Path file, Charset charset) {
        return new LineFile(file, charset);
    }

    /**
     * Tokenised sentences in memory or produced on demand.
     *
     * @param sentences the sentences, each a list of tokens
     */
    record Sentences(Iterable<? extends List<String>> sentences) implements Corpus {
        /**
         * Checks that the sentences are given.
         *
         * @throws NullPointerException when {@code sentences} is null
         */
        public Sentences {
            Objects.requireNonNull(sentences, "sentences");
        }
    }

    /**
     * A one-sentence-per-line text file.
     *
     * @param path the file
     * @param charset its charset
     */
    record LineFile(Path path, Charset charset) implements Corpus {
        /**
         * Checks that the file and charset are given.
         *
         * @throws NullPointerException when {@code path} or {@code charset} is null
         */
        public LineFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(charset, "charset");
        }

        boolean gzipped() {
            return path.getFileName() != null && path.getFileName().toString().endsWith(".gz");
        }
    }
}
