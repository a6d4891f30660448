package dev.nlpkit.classify;

import java.util.Objects;

import dev.nlpkit.classify.linear.TfidfLogisticOptions;

/**
 * Whether a two-class {@link TextClassifier} averages its network's probability with a linear model's:
 * {@link Mode#NONE} (the network alone) or {@link Mode#TFIDF_LOGISTIC}, where {@code fit} trains a
 * {@link dev.nlpkit.classify.linear.TfidfLogisticRegression} on the same training texts (the classifier's own
 * preprocessed tokens) after the network, and every probability becomes
 *
 * <pre>
 *   P(second class) = (1 - weight) * P_network + weight * P_linear
 * </pre>
 *
 * The linear model is saved in the bundle. A classifier of more than two classes refuses a blend when it is fitted.
 *
 * <pre>{@code
 * TextClassifierOptions o = TextClassifierOptions.defaults().withBlend(Blend.tfidfLogistic(0.3));
 * }</pre>
 *
 * @param mode   none or the TF-IDF logistic regression
 * @param weight the linear model's share, in [0, 1] (0 with {@link Mode#NONE})
 * @param linear the linear model's options (unused with {@link Mode#NONE})
 */
public record Blend(Mode mode, double weight, TfidfLogisticOptions linear) {

    /** What the network's probability is averaged with. */
    public enum Mode {
        /** The network alone. */
        NONE,
        /** A TF-IDF (uni+bigram) logistic regression trained on the same texts. */
        TFIDF_LOGISTIC
    }

    /** Validates. */
    public Blend {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(linear, "linear");
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("blend weight must be in [0, 1], got " + weight);
        }
        if (mode == Mode.NONE && weight != 0) {
            throw new IllegalArgumentException("blend weight must be 0 without a blend (mode NONE), got " + weight);
        }
    }

    /**
     * The network alone (the default).
     *
     * @return no blend
     */
    public static Blend none() {
        return new Blend(Mode.NONE, 0, TfidfLogisticOptions.defaults());
    }

    /**
     * The network averaged with a TF-IDF logistic regression of {@link TfidfLogisticOptions#defaults()}.
     *
     * @param weight the linear model's share, in [0, 1]
     * @return the blend
     */
    public static Blend tfidfLogistic(double weight) {
        return new Blend(Mode.TFIDF_LOGISTIC, weight, TfidfLogisticOptions.defaults());
    }

    /**
     * With other options of the linear model.
     *
     * @param value n-grams, tf, pruning, C and the solver's stopping rule
     * @return a copy with {@code linear} replaced
     */
    public Blend withLinear(TfidfLogisticOptions value) {
        return new Blend(mode, weight, value);
    }

    /**
     * Whether a linear model is trained and blended.
     *
     * @return true for {@link Mode#TFIDF_LOGISTIC}
     */
    public boolean blends() {
        return mode != Mode.NONE;
    }

    @Override
    public String toString() {
        return mode == Mode.NONE ? "none" : "tfidf-logistic(weight " + weight + ", n-grams 1.." + linear.maxNgram()
                + (linear.sublinearTf() ? ", sublinear tf" : "") + ", min count " + linear.minCount() + ", C "
                + linear.c() + ")";
    }
}
