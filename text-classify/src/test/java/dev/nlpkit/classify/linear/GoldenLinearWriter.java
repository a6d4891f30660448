package dev.nlpkit.classify.linear;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes src/test/resources/linear/golden-format1.bin (run once per format version, from the module folder:
 * {@code java -cp ... dev.nlpkit.classify.linear.GoldenLinearWriter src/test/resources/linear/golden-format1.bin},
 * or through the test class path). Not a test.
 */
final class GoldenLinearWriter {

    private GoldenLinearWriter() {
    }

    public static void main(String[] args) throws IOException {
        LinearFixtures.Data train = LinearFixtures.read("train.tsv");
        TfidfLogisticRegression lr = TfidfLogisticRegression.fit(train.tokens(), train.classes(),
                TfidfLogisticOptions.defaults().withMinCount(1).withTolerance(1e-10).withMaxIterations(100_000));
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            lr.write(out);
        }
    }
}
