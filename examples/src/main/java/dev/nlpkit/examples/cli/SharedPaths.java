package dev.nlpkit.examples.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples look for the optional shared data (word-analogy sets, lexicons, books): the directory named
 * by {@code NLPKIT_DATA}, else {@code ../shared/data} from the working directory.
 */
final class SharedPaths {

    private SharedPaths() {
    }

    static Optional<Path> dataRoot(Map<String, String> environment) {
        String configured = environment.get("NLPKIT_DATA");
        if (configured != null && !configured.isBlank() && Files.isDirectory(Path.of(configured))) {
            return Optional.of(Path.of(configured));
        }
        Path shared = Path.of("..", "shared", "data").toAbsolutePath().normalize();
        return Files.isDirectory(shared) ? Optional.of(shared) : Optional.empty();
    }
}
