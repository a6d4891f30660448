package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Without {@code --add-modules=jdk.incubator.vector} the CLI still runs and reports the plain-Java fallback. */
class VectorApiFallbackTest {

    @Test
    void infoRunsAndReportsInactiveWithoutTheIncubatorModule() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                NlpkitCommand.class.getName(), "info")).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("vector api  inactive (plain-Java fallback").doesNotContain("incubator modules")
                .contains("rnn kernels plain java");
    }
}
