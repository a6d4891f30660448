package dev.nlpkit.testdata;

import org.junit.jupiter.api.Assumptions;

/**
 * The one gate for tests that compare against a Python anchor library (scikit-learn, gensim, PyTorch,
 * NLTK). A test calls {@code Anchors.require("sklearn")} first: when {@code /usr/bin/python3} cannot
 * import the module, the test is <em>skipped</em> (a JUnit assumption) with a reason naming the Debian
 * package to install, and {@code .ci/run} lists it. Tests that exercise only our side pass the bench's
 * {@code --no-anchor}-style flag and never call this class, so they run on every machine.
 *
 * <p>The decision is made by {@link AnchorProbe} (one import attempt per module per JVM, cached).
 */
public final class Anchors {

    private Anchors() {
    }

    /**
     * Skips the calling test unless every module imports in {@code /usr/bin/python3}.
     *
     * @param modules Python module names, e.g. {@code "torch", "numpy"}
     */
    public static void require(String... modules) {
        for (String module : modules) {
            String reason = AnchorProbe.missingReason(module);
            Assumptions.assumeTrue(reason.isEmpty(), () -> "Python anchor missing: " + reason);
        }
    }
}
