package dev.nlpkit.core;

import java.io.IOException;
import java.nio.file.Path;

/** Child process of {@link OutputClaimTest}: claims an output, prints "claimed PID LOCKFILE", holds it until stdin closes. */
public final class HoldClaim {

    private HoldClaim() {
    }

    /**
     * Holds the claim.
     *
     * @param args the output file
     * @throws IOException when claiming fails
     */
    public static void main(String[] args) throws IOException {
        try (OutputClaim claim = OutputClaim.acquire(Path.of(args[0]))) {
            System.out.println("claimed " + ProcessHandle.current().pid() + " " + claim.lockFile());
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold until the parent closes our stdin or kills us
            }
        }
    }
}
