package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No two library modules export a public top-level type of the same simple name, so a user who imports from
 * several modules never has to qualify one (there were two {@code Vocabulary}, two {@code ReadOptions}, two
 * {@code TrainingListener}...). text-classify sees every library module, so the check runs here, over the
 * compiled classes (a jar or a classes folder) each module puts on this classpath: exactly what a user's
 * project gets. Nested types are qualified by their outer type and do not count.
 */
class PublicNamesTest {

    /** One class of each library module, to find where that module's classes are on the classpath. */
    private static final Map<String, Class<?>> MODULES = Map.of(
            "nlpkit-core", dev.nlpkit.core.AtomicFiles.class,
            "text-preprocess", dev.nlpkit.preprocess.TextPreprocessor.class,
            "text-vectorize", dev.nlpkit.vectorize.vocab.Vocabulary.class,
            "embeddings", dev.nlpkit.embeddings.Word2Vec.class,
            "recurrent", dev.nlpkit.recurrent.model.Sequential.class,
            "text-classify", TextClassifier.class);

    @Test
    void noTwoLibraryModulesExportAPublicTypeOfTheSameSimpleName() throws Exception {
        Map<String, List<String>> owners = new TreeMap<>();
        for (Map.Entry<String, Class<?>> module : new TreeMap<>(MODULES).entrySet()) {
            List<String> types = publicTopLevelTypes(module.getValue());
            // a module whose classes were not found would make the check pass for nothing
            assertThat(types).as("public types of " + module.getKey()).hasSizeGreaterThan(3);
            for (String type : types) {
                owners.computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(type);
            }
        }
        Map<String, List<String>> clashes = new TreeMap<>();
        owners.forEach((simpleName, types) -> {
            if (types.size() > 1) {
                clashes.put(simpleName, types);
            }
        });
        assertThat(clashes).as("public simple names exported by more than one library module").isEmpty();
    }

    /** The public top-level types in the jar or folder that {@code anchor} was loaded from. */
    private static List<String> publicTopLevelTypes(Class<?> anchor) throws IOException, URISyntaxException,
            ClassNotFoundException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classFiles = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> classFiles.add(root.relativize(f).toString().replace('\\', '/')));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).forEach(classFiles::add);
            }
        }
        List<String> types = new ArrayList<>();
        for (String file : classFiles) {
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            if (name.contains("$") || name.endsWith("package-info") || name.endsWith("module-info")) {
                continue;
            }
            Class<?> type = Class.forName(name, false, PublicNamesTest.class.getClassLoader());
            if (Modifier.isPublic(type.getModifiers())) {
                types.add(name);
            }
        }
        return types;
    }
}
