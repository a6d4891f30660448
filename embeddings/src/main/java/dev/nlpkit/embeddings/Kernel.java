package dev.nlpkit.embeddings;

/**
 * The vector arithmetic of training on slices of flat row-major arrays: {@code a[aOff .. aOff+n)}.
 * Two implementations: {@link PlainKernel} and {@code VectorApiKernel}; the latter is only loaded after
 * checking that {@code jdk.incubator.vector} is in the boot layer.
 */
interface Kernel {

    /** {@code sum_i a[aOff+i] * b[bOff+i]}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int n);

    /** {@code y[yOff+i] += alpha * x[xOff+i]}. */
    void axpy(float alpha, float[] x, int xOff, float[] y, int yOff, int n);

    /**
     * The two updates of one output row u at once (one pass over u): {@code e += g*u; u += g*h}, with u at
     * {@code out[outOff..]}, e = {@code err[0..n)} and h at {@code in[inOff..]}. Reads the old u for e.
     */
    void axpyBoth(float g, float[] out, int outOff, float[] err, float[] in, int inOff, int n);

    /** A short name for reports. */
    String name();

    /** The kernel for an option value. */
    static Kernel select(VectorKernel choice) {
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        return switch (choice) {
            case PLAIN -> PlainKernel.INSTANCE;
            case AUTO -> present ? VectorApiKernels.create() : PlainKernel.INSTANCE;
            case VECTOR_API -> {
                if (!present) {
                    throw new IllegalArgumentException("Word2VecOptions: kernel=VECTOR_API but the JVM was started "
                            + "without --add-modules=jdk.incubator.vector; use kernel AUTO or PLAIN");
                }
                yield VectorApiKernels.create();
            }
        };
    }

    /** Isolates the reference to the incubator-linked class so it is loaded only on demand. */
    final class VectorApiKernels {
        private VectorApiKernels() {
        }

        static Kernel create() {
            return new VectorApiKernel();
        }
    }
}
