package dev.nlpkit.classify;

import java.util.Objects;

/**
 * Unlabelled text that the embedding (Word2Vec or fastText) trains on besides the training texts, e.g. other text
 * of the same language (gensim users pass such a corpus to {@code Word2Vec} before training a classifier on its
 * vectors). Only the embedding sees it:
 * <ul>
 * <li>its lines go through the same preprocessing as the training texts ({@link TextClassifierOptions#preprocess()}),
 *     once, and are streamed from a temporary file on every embedding pass, so the text is never held in memory;</li>
 * <li>the embedding's vocabulary and its minimum count are over the training texts' tokens and these together (a
 *     word seen only here gets a vector);</li>
 * <li>the network's vocabulary, its id sequences, its labels, the blend's TF-IDF model and everything else come
 *     from the training texts alone, as without it.</li>
 * </ul>
 * The embedding reads the training texts first, then these lines, in order on every pass; with one embedding thread
 * the result is bit-reproducible for a seed.
 *
 * <pre>{@code
 * Iterable<String> books = ...;                      // one sentence or paragraph per element, e.g. a file's lines
 * TextClassifier model = TextClassifier.fit(texts, labels, validation, new EmbeddingText("books.txt", books),
 *         TextClassifierOptions.defaults(), FitListener.NONE);
 * model.info().embeddingText();                      // Optional[books.txt: 473589 lines, 7547784 tokens]
 * }</pre>
 *
 * @param name  what the text is (e.g. its file names), one line; recorded in the model's {@link ModelInfo}
 * @param lines the text, one sentence or paragraph per element (none null); iterated once, in order
 */
public record EmbeddingText(String name, Iterable<String> lines) {

    /** Validates: a one-line, non-blank name and the lines. */
    public EmbeddingText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(lines, "lines");
        if (name.isBlank() || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the embedding text's name must be one non-blank line, got '" + name
                    + "'");
        }
    }
}
