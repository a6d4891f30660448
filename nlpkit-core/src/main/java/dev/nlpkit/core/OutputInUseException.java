package dev.nlpkit.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Another live process (or this one) holds the {@link OutputClaim} on an output file. */
public final class OutputInUseException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path output;
    private final transient Path lockFile;
    /** The process id of the lock holder, or 0 or less when it is unknown. */
    private final long ownerPid;

    OutputInUseException(Path output, Path lockFile, long ownerPid, boolean self) {
        super("'" + output + "' is being written by "
                + (self ? "this process already (pid " + ownerPid + ")"
                        : ownerPid > 0 ? "another process (pid " + ownerPid + ")" : "another process")
                + "; its lock file is '" + lockFile + "'. Wait for that run to finish or write elsewhere"
                + (self ? "" : "; if no such process exists any more, delete the lock file"));
        this.output = output;
        this.lockFile = lockFile;
        this.ownerPid = ownerPid;
    }

    /**
     * The claimed output.
     *
     * @return its absolute path
     */
    public Path output() {
        return output;
    }

    /**
     * The lock file holding the claim.
     *
     * @return its absolute path
     */
    public Path lockFile() {
        return lockFile;
    }

    /**
     * The process holding the claim, when its lock file names one.
     *
     * @return its id, or empty while the other process is still writing the lock file
     */
    public OptionalLong ownerPid() {
        return ownerPid > 0 ? OptionalLong.of(ownerPid) : OptionalLong.empty();
    }
}
