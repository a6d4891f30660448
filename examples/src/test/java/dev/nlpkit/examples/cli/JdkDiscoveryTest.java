package dev.nlpkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.nlpkit.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDK discovery that ./mvnw and ./nlpkit share (.mvn/find-jdk.sh), run against fake JDK folders so the
 * outcome does not depend on what this machine has installed.
 */
class JdkDiscoveryTest {

    @TempDir
    Path jdks;

    private record Result(int exitCode, String out, String err) {
    }

    private Path fakeJdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jdks.resolve(name));
        Path bin = Files.createDirectories(home.resolve("bin"));
        for (String tool : List.of("java", "javac")) {
            Path file = bin.resolve(tool);
            Files.writeString(file, "#!/bin/sh\necho 'fake " + tool + "'\n");
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    private Result run(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script).directory(SharedData.repositoryRoot().toFile());
        pb.environment().clear();
        pb.environment().put("PATH", jdks.resolve("no-such-bin") + ":/bin");
        pb.environment().put("HOME", jdks.toString());
        pb.environment().put("NLPKIT_JDK_DIRS", jdks + "/*");
        pb.environment().putAll(env);
        Process process = pb.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void picksTheNewestJdkOfAtLeast21WhenJavaHomeIsOlder() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15");
        fakeJdk("jdk-21", "21.0.5");
        Path newest = fakeJdk("jdk-23", "23.0.1");
        Result result = run(". ./.mvn/find-jdk.sh; echo \"$JAVA_HOME\"", Map.of("JAVA_HOME", old.toString()));
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(newest.toString());
    }

    @Test
    void keepsJavaHomeWhenItIsRecentEnough() throws Exception {
        Path mine = fakeJdk("jdk-21", "21.0.5");
        fakeJdk("jdk-23", "23.0.1");
        Result result = run(". ./.mvn/find-jdk.sh; echo \"$JAVA_HOME\"", Map.of("JAVA_HOME", mine.toString()));
        assertThat(result.out().strip()).isEqualTo(mine.toString());
    }

    @Test
    void withoutAnyJdk21BothCommandsStopWithOneClearLine() throws Exception {
        Path old = fakeJdk("jdk-17", "17.0.15");
        for (String command : List.of("./mvnw -v", "./nlpkit info")) {
            Result result = run(command, Map.of("JAVA_HOME", old.toString()));
            assertThat(result.exitCode()).as(command).isEqualTo(1);
            assertThat(result.out()).as(command).isEmpty();
            assertThat(result.err().lines().toList()).as(command).hasSize(1);
            assertThat(result.err()).as(command).startsWith("nlpkit: no JDK >= 21 found").contains("install");
        }
    }
}
