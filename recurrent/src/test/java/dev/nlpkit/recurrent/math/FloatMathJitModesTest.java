package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Runs {@link FloatMathProbe} in three child JVMs, interpreter only ({@code -Xint}), C1 only and C2 only (both
 * with {@code -Xbatch}, so that the warm-up's compilations finish before the measured run), and checks that
 * every JVM, and this one, gives the same bits for exp, tanh, sigmoid and the fused LSTM row on the scalar and the
 * Vector API path.
 */
class FloatMathJitModesTest {

    @Test
    void interpreterC1AndC2GiveTheSameBits() throws Exception {
        String interpreted = runChild(List.of("-Xint"), 0);
        String c1 = runChild(List.of("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:+PrintCompilation"), 12_000);
        String c2 = runChild(List.of("-XX:-TieredCompilation", "-Xbatch", "-XX:+PrintCompilation"), 12_000);
        // The warm-up did compile the kernels (C2 only: -TieredCompilation compiles nothing with C1).
        assertThat(c2).contains("dev.nlpkit.recurrent.math.FloatMath::exp")
                .contains("dev.nlpkit.recurrent.math.PlainOps::sigmoid")
                .contains("dev.nlpkit.recurrent.math.VectorElementwise::tanh")
                .contains("dev.nlpkit.recurrent.math.VectorElementwise::lstmRow");
        assertThat(c1).contains("dev.nlpkit.recurrent.math.FloatMath::tanh");
        List<String> expected = FloatMathProbe.digests(FloatMathProbe.DIGEST_POINTS);
        assertThat(expected).hasSize(8);
        for (String line : expected) {
            assertThat(interpreted).as("interpreter").contains(line);
            assertThat(c1).as("C1").contains(line);
            assertThat(c2).as("C2").contains(line);
        }
        // And the scalar path equals the vector path: one digest per function.
        for (String function : FloatMathProbe.FUNCTIONS) {
            String scalar = expected.stream().filter(l -> l.startsWith("scalar " + function + " ")).findFirst()
                    .orElseThrow();
            assertThat(expected).contains("vector" + scalar.substring("scalar".length()));
        }
    }

    private static String runChild(List<String> jvmOptions, int warmup) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules=jdk.incubator.vector");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FloatMathProbe.class.getName());
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
