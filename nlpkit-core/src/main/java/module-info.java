/**
 * nlpkit's shared policies: atomic writes, output claims, versioned headers, seeds, listener shape, thread counts.
 * No algorithms and no dependencies.
 */
module dev.nlpkit.core {
    exports dev.nlpkit.core;
}
