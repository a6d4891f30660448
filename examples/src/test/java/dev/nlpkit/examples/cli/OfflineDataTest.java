package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The command line as a user with no data and no network meets it: each example command runs in a child JVM
 * with an empty home folder and a clean environment (no {@code NLPKIT_DATA}, no {@code XDG_CACHE_HOME}), its
 * downloads pointed at a closed loopback port. Environment variables cannot be changed in-process, hence the
 * child JVM.
 */
class OfflineDataTest {

    @TempDir
    static Path home;

    private static String closedBase;

    /** Finished run of the CLI in a child JVM. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void closedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        closedBase = "http://127.0.0.1:" + port;
    }

    static Run run(Path userHome, Map<String, String> environment, String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + userHome, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), NlpkitCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(userHome.toFile());
        builder.environment().clear();
        builder.environment().put("HOME", userHome.toString());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile(userHome, "out", ".txt");
        Path err = Files.createTempFile(userHome, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("nlpkit " + String.join(" ", args) + " did not finish in 120 s");
        }
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static Run offline(String... args) throws IOException, InterruptedException {
        return run(home, Map.of("NLPKIT_DOWNLOAD_URL", closedBase), args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "word2vec course              | alice           | gutenberg.zip",
        "word2vec evaluate --model M  | questions-words | questions-words.txt",
        "tag                          | brown           | brown.zip",
        "generate                     | alice           | gutenberg.zip",
        "bench word2vec               | text8           | text8.zip",
        "sentiment train              | sentiment140    | trainingandtestdata.zip"})
    void withoutDataOrNetworkEachCommandSaysWhichFileToPlaceWhere(String commandLine, String dataset, String file)
            throws IOException, InterruptedException {
        Path model = home.resolve("tiny.txt");
        Files.writeString(model, "2 3\nalice 0.1 0.2 0.3\nwonderland 0.3 0.2 0.1\n");
        String[] args = commandLine.replace("--model M", "--model " + model).split(" ");
        Run run = offline(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        String message = run.err().strip();
        assertThat(message.lines()).as(message).hasSize(1);
        assertThat(message).startsWith("nlpkit: ")
                .contains("'" + dataset + "'")
                .contains(closedBase + "/" + dataset + "/" + file)
                .contains(home.resolve(".cache/nlpkit").resolve(dataset).resolve(file).toString())
                .doesNotContainIgnoringCase("shared");
    }

    @Test
    void dataListShowsEveryEntryMissingInAnEmptyHome() throws IOException, InterruptedException {
        Run run = offline("data", "list");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (Dataset dataset : DatasetRegistry.all()) {
            assertThat(run.out()).containsPattern("(?m)^" + dataset.name() + " +" + java.util.regex.Pattern.quote(
                    dataset.title()) + "$");
            assertThat(run.out()).contains(home.resolve(".cache/nlpkit").resolve(dataset.name())
                    .resolve(dataset.fileName()).toString());
        }
        assertThat(run.out()).doesNotContain("present at").contains("size:    144,396 bytes")
                .contains("sha256:  " + DatasetRegistry.ALICE.sha256().orElseThrow());
    }

    @Test
    void dataListFindsTheDevelopersFolderThroughNlpkitData(@TempDir Path otherHome) throws IOException,
            InterruptedException {
        Path data = otherHome.resolve("data");
        Path alice = data.resolve(DatasetRegistry.ALICE.dataPath());
        Files.createDirectories(alice.getParent());
        Files.writeString(alice, "Alice");
        Run run = run(otherHome, Map.of("NLPKIT_DATA", data.toString()), "data", "list");
        assertThat(run.out()).contains("present at " + alice);
    }

    @Test
    void dataVerifyReportsAMismatchedCacheFileAndFails(@TempDir Path otherHome) throws IOException,
            InterruptedException {
        Path cached = otherHome.resolve(".cache/nlpkit/questions-words/questions-words.txt");
        Files.createDirectories(cached.getParent());
        Files.writeString(cached, ": capital-common-countries\nAthens Greece Baghdad Iraq\n");
        Run run = run(otherHome, Map.of(), "data", "verify");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("MISMATCH  questions-words").contains(cached.toString())
                .contains("1 local copy checked, 1 mismatch");
    }

    @Test
    void dataGetAllTriesEveryDownloadableEntryAndFailsOffline() throws IOException, InterruptedException {
        Run run = offline("data", "get", "all");
        assertThat(run.exitCode()).isEqualTo(1);
        long downloadable = DatasetRegistry.all().stream().filter(Dataset::downloadable).count();
        assertThat(run.err()).contains(downloadable + " of " + downloadable + " datasets could not be had");
        assertThat(run.err().lines().filter(l -> l.startsWith("nlpkit: ") && l.contains("could not be downloaded")))
                .hasSize((int) downloadable);
    }
}
