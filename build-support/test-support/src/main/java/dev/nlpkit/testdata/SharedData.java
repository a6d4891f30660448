package dev.nlpkit.testdata;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The one place that locates the shared real datasets for tests.
 *
 * <p>Resolution order: the directory named by the {@code NLPKIT_DATA} environment variable (or the
 * {@code nlpkit.data} system property), then {@code ../shared/data} beside the repository root.
 * A test that needs a file calls {@link #require(String)}: when the file is absent (a user's fresh
 * clone has no {@code ../shared}) the test is <em>skipped</em> with a reason that names the file and
 * the places searched; {@code .ci/run} prints those reasons. Core tests never call this class: they
 * generate their own small data.
 *
 * <p>This source file lives in {@code build-support/test-support} and is compiled into every module's
 * tests by the root POM (build-helper-maven-plugin), so no module depends on another for it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared data directory, if one exists. */
    public static Optional<Path> root() {
        String configured = System.getProperty("nlpkit.data", System.getenv("NLPKIT_DATA"));
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured);
            return Files.isDirectory(dir) ? Optional.of(dir.toAbsolutePath().normalize()) : Optional.empty();
        }
        Path repository = repositoryRoot();
        Path shared = repository.resolve("..").resolve("shared").resolve("data").normalize();
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
    }

    /**
     * The file or directory {@code relative} under the shared data directory; skips the calling test
     * (JUnit assumption) with a visible reason when it is absent.
     *
     * @param relative a path such as {@code "sentiment140-combined/combined.csv.gz"}
     */
    public static Path require(String relative) {
        Optional<Path> root = root();
        Path resolved = root.map(r -> r.resolve(relative)).orElse(null);
        Assumptions.assumeTrue(resolved != null && Files.exists(resolved),
                () -> "dataset '" + relative + "' not found (searched "
                        + (System.getenv("NLPKIT_DATA") != null ? "NLPKIT_DATA=" + System.getenv("NLPKIT_DATA")
                                : repositoryRoot().resolve("../shared/data").normalize())
                        + "); set NLPKIT_DATA to a folder holding it at that relative path to run this test");
        return resolved;
    }

    /** Whether {@code relative} exists under the shared data directory. */
    public static boolean isPresent(String relative) {
        return root().map(r -> Files.exists(r.resolve(relative))).orElse(false);
    }

    /** The repository root: set by Surefire (root POM), else found by walking up to the Maven wrapper. */
    public static Path repositoryRoot() {
        String configured = System.getProperty("nlpkit.repository.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) && Files.isDirectory(p.resolve(".mvn"))) {
                return p;
            }
        }
        return dir;
    }
}
