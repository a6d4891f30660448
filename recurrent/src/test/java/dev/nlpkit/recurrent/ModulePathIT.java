package dev.nlpkit.recurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.nlpkit.core.AtomicFiles;

/**
 * A user's modular program ({@code requires dev.nlpkit.recurrent;}) compiles against the packaged jars on the
 * module path and runs in a child JVM. Runs as a Failsafe integration test (after {@code package}) because only
 * the jars carry the manifest's {@code Automatic-Module-Name}: without it the module would be called
 * {@code recurrent} (derived from the file name) and {@code requires dev.nlpkit.recurrent} would not compile.
 */
class ModulePathIT {

    private static final String MAIN = """
            package demo;

            import dev.nlpkit.recurrent.layers.Activation;
            import dev.nlpkit.recurrent.layers.DenseOptions;
            import dev.nlpkit.recurrent.layers.EmbeddingOptions;
            import dev.nlpkit.recurrent.layers.RecurrentOptions;
            import dev.nlpkit.recurrent.layers.Shape;
            import dev.nlpkit.recurrent.math.Kernels;
            import dev.nlpkit.recurrent.model.Sequential;

            public class Main {
                public static void main(String[] args) throws Exception {
                    Sequential model = Sequential.builder(Shape.tokens())
                            .add(EmbeddingOptions.random(10, 4))
                            .add(RecurrentOptions.lstm(3))
                            .add(DenseOptions.of(1, Activation.SIGMOID))
                            .build(42L);
                    System.out.println("module " + Sequential.class.getModule().getName());
                    System.out.println("parameters " + model.summary().contains("Total params"));
                    System.out.println("kernels " + Kernels.describe());
                }
            }
            """;

    private static Path jar(String property) {
        String path = System.getProperty(property);
        assertThat(path).as("system property %s (set by the Failsafe configuration)", property).isNotNull();
        return Path.of(path);
    }

    private static Path coreJar() throws URISyntaxException {
        Path core = Path.of(AtomicFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertThat(core.toString()).as("nlpkit-core must be a packaged jar here: run `./mvnw verify`").endsWith(".jar");
        return core;
    }

    private static String compile(Path sources, Path out, String requires, String modulePath) throws IOException {
        Files.createDirectories(sources.resolve("demo"));
        Files.writeString(sources.resolve("module-info.java"), "module demo { requires " + requires + "; }\n");
        Files.writeString(sources.resolve("demo/Main.java"), MAIN);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        List<String> options = List.of("--module-path", modulePath, "-d", out.toString());
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(new PrintWriter(diagnostics), files, null, options, null,
                    files.getJavaFileObjects(sources.resolve("module-info.java"), sources.resolve("demo/Main.java")))
                    .call();
            return ok ? "" : diagnostics.toString();
        }
    }

    @Test
    void programRequiringTheStableNameCompilesAndRuns(@TempDir Path dir) throws Exception {
        Path recurrent = jar("nlpkit.it.jar");
        assertThat(recurrent).isRegularFile();
        String modulePath = coreJar() + java.io.File.pathSeparator + recurrent;
        Path classes = dir.resolve("classes");
        assertThat(compile(dir.resolve("src"), classes, "dev.nlpkit.recurrent", modulePath)).isEmpty();

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector",
                "--module-path", classes + java.io.File.pathSeparator + modulePath,
                "-m", "demo/demo.Main"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = output.toString(StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        assertThat(text).contains("module dev.nlpkit.recurrent", "parameters true", "kernels vector api");
    }

    @Test
    void theFileNameDerivedNameIsNotTheModuleName(@TempDir Path dir) throws Exception {
        String modulePath = coreJar() + java.io.File.pathSeparator + jar("nlpkit.it.jar");
        assertThat(compile(dir.resolve("src"), dir.resolve("classes"), "recurrent", modulePath))
                .contains("module not found: recurrent");
    }
}
