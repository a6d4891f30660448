package dev.nlpkit.benchmarks.anchor;

import java.util.List;
import java.util.Map;

/**
 * How the Python anchors (PyTorch, gensim) are started, so that each runs in its fastest setting on this machine
 * and every benchmark and reference run starts them the same way.
 *
 * <p>Why the environment is changed:
 * <ul>
 *   <li>{@code MALLOC_MMAP_MAX_=0} and a huge {@code MALLOC_TRIM_THRESHOLD_}: glibc serves large blocks with a
 *       fresh {@code mmap} and returns them on {@code free}, so every out-of-place operation on a large tensor
 *       (PyTorch's Adam over a 50,000 x 300 embedding makes several per step) faults in its pages again. On these
 *       virtual machines a page fault is expensive: {@code torch.sqrt} of a 60 MB tensor took 272 ms, and a
 *       batch-64 training step of the course's model 1.14 s; with the heap kept, 0.08 s. Keeping freed memory in
 *       the process is what a long-running PyTorch process on an ordinary machine effectively gets.</li>
 *   <li>{@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE} removed: the machine's environment sets them and
 *       they force an older OpenBLAS kernel than the CPU supports.</li>
 * </ul>
 * Only the anchor's process gets this environment; ours is unchanged.
 */
public final class AnchorProcess {

    /** The variables set for every anchor process (name to value). */
    public static final Map<String, String> ENVIRONMENT = Map.of(
            "MALLOC_MMAP_MAX_", "0",
            "MALLOC_TRIM_THRESHOLD_", "68719476736");

    /** The variables removed from every anchor process. */
    public static final List<String> REMOVED = List.of("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE");

    private AnchorProcess() {
    }

    /** A process builder for {@code command} with the anchor environment above. */
    public static ProcessBuilder builder(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        REMOVED.forEach(env::remove);
        env.putAll(ENVIRONMENT);
        return builder;
    }
}
