package dev.nlpkit.recurrent.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same seeds, same data: the same weights and predictions bit for bit, whether the JIT has compiled the
 * kernels or not (the exp, tanh and sigmoid kernels give the same bits interpreted and compiled), in one JVM and
 * across JVMs. {@link TrainingProbe} holds the two trainings.
 */
class DeterminismTest {

    @Test
    void secondTrainingAfterWarmUpGivesTheSameBitsInOneJvm() {
        List<String> first = TrainingProbe.digests();
        for (int i = 0; i < 10; i++) {
            TrainingProbe.digests();
        }
        assertThat(TrainingProbe.digests()).isEqualTo(first);
    }

    @Test
    void interpretedColdAndWarmJvmsGiveTheSameBitsAsThisOne() throws Exception {
        List<String> expected = TrainingProbe.digests();
        String interpreted = runChild(List.of("-Xint"), 0);
        String cold = runChild(List.of(), 0);
        String warm = runChild(List.of("-XX:-TieredCompilation", "-Xbatch"), 30);
        for (String line : expected) {
            assertThat(interpreted).as("-Xint").contains(line);
            assertThat(cold).as("fresh JVM, first training").contains(line);
            assertThat(warm).as("C2 after 30 trainings").contains(line);
        }
    }

    private static String runChild(List<String> jvmOptions, int warmup) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrainingProbe.class.getName());
        command.add(Integer.toString(warmup));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
