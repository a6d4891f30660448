package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.nlpkit.core.OutputClaim;
import dev.nlpkit.core.OutputInUseException;

/** Claims a command's output file for the run (see {@link OutputClaim}), reporting a second writer by flag. */
final class OutputClaims {

    private OutputClaims() {
    }

    /**
     * Claims {@code output}, written under {@code flag}.
     *
     * @throws IllegalArgumentException naming the flag when another live run (or this one) writes the same file
     */
    static OutputClaim claim(String flag, Path output) throws IOException {
        try {
            return OutputClaim.acquire(output);
        } catch (OutputInUseException e) {
            throw new IllegalArgumentException(flag + " " + output + ": " + e.getMessage(), e);
        }
    }
}
