package dev.nlpkit.recurrent.math;

/**
 * Which math kernels are active in this JVM, chosen once at start-up.
 *
 * <p>The Vector API kernels are used when the module {@code jdk.incubator.vector} is in the boot layer (the JVM
 * was started with {@code --add-modules=jdk.incubator.vector}) and the system property {@code nlpkit.vector} is
 * not {@code false}; otherwise the plain-Java kernels are used and no class linking the incubator API is ever
 * loaded. Library code never prints: a command line shows {@link #describe()} instead of a log line.
 */
public final class Kernels {

    /** System property that, set to {@code false}, forces the plain-Java kernels (for tests and comparisons). */
    public static final String VECTOR_PROPERTY = "nlpkit.vector";

    private static final String MODULE = "jdk.incubator.vector";

    private Kernels() {
    }

    /**
     * True when the Vector API kernels are active.
     *
     * @return true when the JVM was started with {@code --add-modules jdk.incubator.vector} and the Vector API
     *         kernels are in use
     */
    public static boolean vectorApi() {
        return Holder.VECTOR;
    }

    /**
     * A one-line description of the active kernels, e.g. {@code "vector api, 512-bit, 2 threads"} or
     * {@code "plain java, 2 threads"}, plus the reason when the Vector API is off.
     *
     * @return the description
     */
    public static String describe() {
        StringBuilder text = new StringBuilder(Holder.ENGINE.name());
        int threads = Parallelism.threads();
        text.append(", ").append(threads).append(threads == 1 ? " thread" : " threads");
        if (!Holder.VECTOR) {
            text.append(ModuleLayer.boot().findModule(MODULE).isPresent()
                    ? " (vector api disabled by -D" + VECTOR_PROPERTY + "=false)"
                    : " (jdk.incubator.vector not enabled; start the JVM with --add-modules=jdk.incubator.vector)");
        }
        return text.toString();
    }

    /**
     * The start-up decision: the Vector API kernels when the module is present and the property is absent or
     * {@code true}; {@code false} forces plain Java; any other value is an error (a typo must not silently
     * change the kernels).
     */
    static boolean useVectorApi(boolean modulePresent, String property) {
        if (property != null && !property.isBlank()) {
            String value = property.trim();
            if (value.equalsIgnoreCase("false")) {
                return false;
            }
            if (!value.equalsIgnoreCase("true")) {
                throw new IllegalArgumentException("system property " + VECTOR_PROPERTY
                        + " must be true or false, got '" + property + "'");
            }
        }
        return modulePresent;
    }

    static GemmEngine engine() {
        return Holder.ENGINE;
    }

    /** Lazily initialised so that reading the property happens on first use, once. */
    private static final class Holder {
        static final boolean VECTOR = useVectorApi(ModuleLayer.boot().findModule(MODULE).isPresent(),
                System.getProperty(VECTOR_PROPERTY));
        static final GemmEngine ENGINE = VECTOR ? VectorEngines.gemm() : PlainGemm.INSTANCE;
    }
}
