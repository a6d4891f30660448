package dev.nlpkit.testdata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Decides whether a Python anchor library (scikit-learn, gensim, PyTorch, NLTK and the modules their
 * scripts import) is usable, by asking {@code /usr/bin/python3} to import it: an executable interpreter
 * alone proves nothing, a user's fresh machine has Debian's {@code python3} without the libraries.
 *
 * <p>Each module is probed once per JVM ({@code python3 -c "import MODULE"}) and the answer cached. Tests
 * go through {@link Anchors#require(String...)}, which turns a missing module into a skipped test.
 * This class has no JUnit dependency so that {@code .ci/run} can run it as a single-file program
 * ({@code java AnchorProbe.java}) and print which anchors this machine has before the build starts.
 */
public final class AnchorProbe {

    /** The interpreter every bench and anchor script runs with. */
    public static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Python module -> the Debian package that provides it. The one list of anchors. */
    public static final Map<String, String> DEBIAN_PACKAGES;

    static {
        Map<String, String> packages = new LinkedHashMap<>();
        packages.put("sklearn", "python3-sklearn");
        packages.put("gensim", "python3-gensim");
        packages.put("torch", "python3-torch");
        packages.put("nltk", "python3-nltk");
        packages.put("numpy", "python3-numpy");
        packages.put("threadpoolctl", "python3-threadpoolctl");
        DEBIAN_PACKAGES = Map.copyOf(packages);
        ORDER = packages.keySet().toArray(String[]::new);
    }

    private static final String[] ORDER;

    /** Importing torch takes seconds on a busy machine; a hung interpreter must not hang the build. */
    private static final long PROBE_TIMEOUT_SECONDS = 120;

    private static final Map<String, Boolean> IMPORTABLE = new ConcurrentHashMap<>();

    private AnchorProbe() {
    }

    /**
     * Whether {@code /usr/bin/python3} imports {@code module} without error (cached per JVM).
     *
     * @param module a Python module name such as {@code "sklearn"}
     * @return true when the import succeeds
     */
    public static boolean importable(String module) {
        if (!module.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("not a Python module name: '" + module + "'");
        }
        return IMPORTABLE.computeIfAbsent(module, AnchorProbe::probe);
    }

    /**
     * The Debian package that provides {@code module}.
     *
     * @param module a Python module name
     * @return the package name, {@code python3-MODULE} for a module outside {@link #DEBIAN_PACKAGES}
     */
    public static String debianPackage(String module) {
        return DEBIAN_PACKAGES.getOrDefault(module, "python3-" + module);
    }

    /**
     * Why {@code module} is not usable, naming the package to install; empty when it is usable.
     *
     * @param module a Python module name
     * @return the reason, or an empty string
     */
    public static String missingReason(String module) {
        if (!Files.isExecutable(PYTHON)) {
            return PYTHON + " not found (install Debian python3 and " + debianPackage(module) + ")";
        }
        return importable(module) ? ""
                : PYTHON + " cannot import " + module + " (install Debian " + debianPackage(module) + ")";
    }

    private static boolean probe(String module) {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(PYTHON.toString(), "-c", "import " + module)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!process.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Prints one line per anchor module: {@code found} or {@code missing} with the package to install.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        for (String module : ORDER) {
            String reason = missingReason(module);
            System.out.printf("  %-14s %s%n", module, reason.isEmpty() ? "found"
                    : "missing (" + debianPackage(module) + "): tests that need it are skipped");
        }
    }
}
