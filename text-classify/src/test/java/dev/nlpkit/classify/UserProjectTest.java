package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user project that depends on text-classify alone: the {@code Predict} class of the module README is compiled
 * against text-classify's runtime classpath (its classes, the four library modules and their third-party
 * dependencies; no test library) and run in a fresh JVM on the golden bundles.
 */
class UserProjectTest {

    /** Test-only artifacts: everything else on the test classpath is what a user's project gets. */
    private static final List<String> TEST_ONLY = List.of("/org/junit/", "/org/assertj/", "/net/jqwik/",
            "/org/opentest4j/", "/org/apiguardian/", "/net/bytebuddy/", "/test-classes");

    @TempDir
    static Path project;

    private static String classpath;

    @BeforeAll
    static void compileTheReadmeExample() throws IOException {
        String readme = Files.readString(SharedReadme.path(), StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- user-project-example");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        int end = readme.indexOf("```", start);
        Files.writeString(project.resolve("Predict.java"), readme.substring(start, end));
        List<String> runtime = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (TEST_ONLY.stream().noneMatch(unix::contains)) {
                runtime.add(entry);
            }
        }
        classpath = String.join(File.pathSeparator, runtime);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-cp", classpath, "-d", project.toString(),
                project.resolve("Predict.java").toString());
        assertThat(status).as("javac of the README example").isZero();
    }

    @Test
    void theRuntimeClasspathHasNoCommandLineOrGplArtifact() {
        assertThat(classpath).doesNotContain("smile", "picocli", "xchart", "examples", "junit");
    }

    @Test
    void loadsTheCommandLinesFormatOneBundleAndPredicts() throws Exception {
        List<String> expected = GoldenBundleTest.lines("golden/sentiment-format1.expected.tsv");
        List<String> out = run(GoldenBundleTest.resourceFile("golden/sentiment-format1.nlpkit"), texts(expected));
        assertThat(out).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] want = expected.get(i).split("\t", -1);
            String[] got = out.get(i).split("\t", -1);
            assertThat(got[0]).isEqualTo(want[0]);
            assertThat(String.format(Locale.ROOT, "%.4f", Double.parseDouble(got[1]))).isEqualTo(want[1]);
            assertThat(got[2]).isEqualTo(want[2]);
        }
    }

    /** With the plain-Java kernels the recorded probabilities come out bit for bit. */
    @Test
    void loadsTheCurrentFormatAndPredictsTheRecordedProbabilitiesExactly() throws Exception {
        List<String> expected = GoldenBundleTest.lines("golden/classifier-format2.expected.tsv");
        assertThat(run(GoldenBundleTest.resourceFile("golden/classifier-format2.nlpkit"), texts(expected)))
                .containsExactlyElementsOf(expected);
    }

    private static List<String> texts(List<String> rows) {
        return rows.stream().map(r -> r.split("\t", -1)[2]).toList();
    }

    private static List<String> run(Path bundle, List<String> texts) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dnlpkit.vector=false",
                "-cp", project + File.pathSeparator + classpath, "Predict", bundle.toString()));
        command.addAll(texts);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).isZero();
        return new String(stdout, StandardCharsets.UTF_8).lines().toList();
    }

    /** The module README, found from the test-classes folder. */
    static final class SharedReadme {
        static Path path() {
            Path dir = GoldenBundleTest.resourceFile("golden/README.md").getParent();
            while (dir != null && !Files.isRegularFile(dir.resolve("pom.xml"))) {
                dir = dir.getParent();
            }
            assertThat(dir).as("the text-classify module folder").isNotNull();
            return dir.resolve("README.md");
        }
    }
}
