package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetRegistry;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NlpkitCommandTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = NlpkitCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void infoReportsVersionJdkCoresAndVectorApi() {
        Run run = run("info");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("nlpkit      0.1.0-SNAPSHOT")
                .contains("cores       " + Runtime.getRuntime().availableProcessors())
                .contains(System.getProperty("java.runtime.version"));
        // Surefire starts the JVM with the root POM's nlpkit.jvm.options, which enable the Vector API.
        assertThat(run.out()).containsPattern("vector api  active \\(jdk.incubator.vector\\), preferred width \\d+ bits");
        assertThat(run.out()).contains("rnn kernels vector api");
    }

    @Test
    void versionPrintsTheProjectVersion() {
        Run run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("nlpkit 0.1.0-SNAPSHOT");
    }

    @Test
    void helpListsOnlyWorkingSubcommands() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("info").contains("data");
    }

    @Test
    void unknownDatasetIsOneClearLineWithExitCodeOne() {
        Run run = run("data", "get", "no-such-set");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).isEqualTo("nlpkit: unknown dataset 'no-such-set'; known: "
                + DatasetRegistry.all().stream().map(Dataset::name).toList());
    }

    @Test
    void theVectorApiStatusMatchesTheBootLayer() {
        assertThat(VectorApiStatus.active()).isEqualTo(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
        assertThat(VectorApiStatus.preferredBits().isPresent()).isEqualTo(VectorApiStatus.active());
    }
}
