package dev.nlpkit.recurrent.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class KernelsTest {

    @Test
    void vectorApiChosenOnlyWhenModulePresentAndNotDisabled() {
        assertThat(Kernels.useVectorApi(true, null)).isTrue();
        assertThat(Kernels.useVectorApi(true, "true")).isTrue();
        assertThat(Kernels.useVectorApi(true, "false")).isFalse();
        assertThat(Kernels.useVectorApi(true, " FALSE ")).isFalse();
        assertThat(Kernels.useVectorApi(false, null)).isFalse();
        assertThat(Kernels.useVectorApi(false, "true")).isFalse();
    }

    @Test
    void misspelledPropertyIsAnError() {
        assertThatThrownBy(() -> Kernels.useVectorApi(true, "off"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nlpkit.vector must be true or false, got 'off'");
    }

    @Test
    void describeNamesTheActiveKernelsAndThreads() {
        String text = Kernels.describe();
        boolean modulePresent = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        if (Kernels.vectorApi()) {
            assertThat(text).matches("vector api, \\d+-bit, \\d+ threads?");
        } else {
            assertThat(text).startsWith("plain java, ");
        }
        assertThat(Kernels.vectorApi()).isEqualTo(modulePresent
                && !"false".equalsIgnoreCase(System.getProperty(Kernels.VECTOR_PROPERTY, "")));
    }

    @Test
    void parallelismRejectsZeroThreads() {
        assertThatThrownBy(() -> Parallelism.setThreads(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("thread count must be >= 1, got 0");
    }

    /**
     * Starts a JVM without {@code --add-modules=jdk.incubator.vector} and one with {@code -Dnlpkit.vector=false}:
     * both must run the plain kernels, give the right product and never load a Vector API class.
     */
    @Test
    void jvmWithoutTheModuleRunsPlainKernelsWithoutLoadingVectorClasses() throws Exception {
        String withoutModule = runChild(List.of());
        assertThat(withoutModule).contains("plain java").contains("jdk.incubator.vector not enabled")
                .contains("product ok").doesNotContain("jdk.incubator.vector.FloatVector")
                .doesNotContain("VectorGemm").doesNotContain("VectorElementwise");
        String disabled = runChild(List.of("--add-modules=jdk.incubator.vector", "-Dnlpkit.vector=false"));
        assertThat(disabled).contains("plain java").contains("disabled by -Dnlpkit.vector=false")
                .contains("product ok").doesNotContain("VectorGemm").doesNotContain("VectorElementwise");
    }

    private static String runChild(List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-Xlog:class+load=info");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(PlainPathProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.PIPE).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }

    /** The child JVM's program: prints the kernels in use and checks one product. */
    static final class PlainPathProbe {
        public static void main(String[] args) {
            float[] a = {1, 2, 3, 4, 5, 6};
            float[] b = {1, 0, 0, 1, 1, 1};
            float[] c = new float[4];
            Gemm.gemm(false, false, 2, 2, 3, 1f, a, 0, 3, b, 0, 2, 0f, c, 0, 2);
            float[] s = {0f};
            VectorOps.sigmoid(s, 0, 1);
            boolean ok = c[0] == 4f && c[1] == 5f && c[2] == 10f && c[3] == 11f && s[0] == 0.5f;
            System.out.println("kernels: " + Kernels.describe());
            System.out.println(ok ? "product ok" : "product WRONG " + java.util.Arrays.toString(c));
        }
    }

}
