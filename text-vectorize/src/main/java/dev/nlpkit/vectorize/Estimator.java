package dev.nlpkit.vectorize;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The scikit-learn shape ("make it, fit it, then transform") over our static {@code fit} factories, for code
 * that must hold a vectorizer before the training data exists (a pipeline field, a CLI option). Calling
 * {@link #transform} before {@link #fit} throws {@link IllegalStateException} saying so. Thread-safe: the fitted
 * object is published through a volatile field.
 *
 * <pre>{@code
 * Estimator<CsrMatrix, TfidfVectorizer> tfidf =
 *         Estimator.of("TfidfVectorizer", docs -> TfidfVectorizer.fit(docs, TfidfOptions.sklearn()));
 * tfidf.fit(trainTokens);
 * CsrMatrix x = tfidf.transform(testTokens);
 * }</pre>
 *
 * @param <R> what the fitted object's transform returns
 * @param <T> the fitted object
 */
public final class Estimator<R, T extends DocumentTransformer<R>> {

    private final String name;
    private final Function<List<? extends List<String>>, T> fitter;
    private volatile T fitted;

    private Estimator(String name, Function<List<? extends List<String>>, T> fitter) {
        this.name = Objects.requireNonNull(name, "name");
        this.fitter = Objects.requireNonNull(fitter, "fitter");
    }

    /**
     * An unfitted estimator named {@code name} (used in messages) that fits with {@code fitter}.
     *
     * @param name what the estimator is called in error messages (for example "tfidf")
     * @param fitter fits a transformer on documents
     * @param <R> what the transform returns
     * @param <T> the fitted transformer
     * @return an estimator that is not yet fitted
     */
    public static <R, T extends DocumentTransformer<R>> Estimator<R, T> of(
            String name, Function<List<? extends List<String>>, T> fitter) {
        return new Estimator<>(name, fitter);
    }

    /**
     * Fits on {@code documents}, keeps and returns the fitted object (a later fit replaces it).
     *
     * @param documents the training documents, each a list of tokens
     * @return the fitted transformer
     */
    public T fit(List<? extends List<String>> documents) {
        T result = Objects.requireNonNull(fitter.apply(documents), "the fitter returned null");
        fitted = result;
        return result;
    }

    /**
     * Whether {@link #fit} has been called.
     *
     * @return true once fitted
     */
    public boolean isFitted() {
        return fitted != null;
    }

    /**
     * The fitted object.
     *
     * @return the transformer of the last fit
     * @throws IllegalStateException before {@link #fit}
     */
    public T fitted() {
        T result = fitted;
        if (result == null) {
            throw new IllegalStateException(name + " is not fitted: call fit(documents) before transform");
        }
        return result;
    }

    /**
     * Transforms with the fitted object.
     *
     * @param documents the documents, each a list of tokens
     * @return the transformed documents
     * @throws IllegalStateException before {@link #fit}
     */
    public R transform(List<? extends List<String>> documents) {
        return fitted().transform(documents);
    }

    /**
     * {@link #fit} then {@link #transform} on the same documents.
     *
     * @param documents the documents, each a list of tokens
     * @return the transformed documents
     */
    public R fitTransform(List<? extends List<String>> documents) {
        return fit(documents).transform(documents);
    }

    @Override
    public String toString() {
        return "Estimator[" + name + (isFitted() ? ", fitted]" : ", not fitted]");
    }
}
