package dev.nlpkit.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The library modules' dependency trees hold no GPL artifact: every artifact on text-classify's runtime
 * classpath (which holds the four other library modules and everything they pull in) has its licence read from
 * its POM, following parent POMs in the local repository, and none may be a GNU General Public License (the
 * Lesser GPL would be allowed). The enforcer bans Smile by name; this test catches any GPL artifact by its
 * licence, including ones that arrive transitively.
 */
class DependencyLicenseTest {

    private static final List<String> TEST_ONLY = List.of("/org/junit/", "/org/assertj/", "/net/jqwik/",
            "/org/opentest4j/", "/org/apiguardian/", "/net/bytebuddy/", "/test-classes");
    private static final Pattern LICENSES = Pattern.compile("<licenses>(.*?)</licenses>", Pattern.DOTALL);
    private static final Pattern PARENT = Pattern.compile("<parent>(.*?)</parent>", Pattern.DOTALL);

    @Test
    void noRuntimeArtifactIsGpl() throws Exception {
        Map<String, String> licences = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String unix = entry.replace('\\', '/');
            if (TEST_ONLY.stream().anyMatch(unix::contains)) {
                continue;
            }
            Path path = Path.of(entry);
            // a reactor module: its target/classes or target/*.jar; else a jar beside its POM in a repository
            Path target = path.getParent();
            Path pom = target != null && target.getFileName().toString().equals("target")
                    && Files.isRegularFile(target.resolveSibling("pom.xml")) ? target.resolveSibling("pom.xml")
                    : path.resolveSibling(path.getFileName().toString().replaceAll("\\.jar$", ".pom"));
            licences.put(entry, licence(pom, repositoryOf(path)));
        }
        assertThat(licences).as("artifacts read").isNotEmpty();
        List<String> gpl = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        licences.forEach((artifact, licence) -> {
            if (licence == null) {
                unknown.add(artifact);
            } else if (isGpl(licence)) {
                gpl.add(artifact + " (" + licence + ")");
            }
        });
        assertThat(gpl).as("GPL artifacts in the library dependency tree").isEmpty();
        assertThat(unknown).as("artifacts whose licence no POM states").isEmpty();
    }

    /** The check itself recognises Smile (GPL-3.0), the dependency it exists to keep out. */
    @Test
    void theCheckRecognisesSmileAsGpl() throws Exception {
        Path smile = localRepository().resolve("com/github/haifengl/smile-core");
        assumeThat(Files.isDirectory(smile)).as("Smile in the local Maven repository (examples uses it)").isTrue();
        try (var versions = Files.list(smile)) {
            Path version = versions.filter(Files::isDirectory).findFirst().orElseThrow();
            Path pom = version.resolve("smile-core-" + version.getFileName() + ".pom");
            String licence = licence(pom, localRepository());
            assertThat(licence).isNotNull();
            assertThat(isGpl(licence)).as(licence).isTrue();
        }
    }

    static boolean isGpl(String licence) {
        String l = licence.toLowerCase(java.util.Locale.ROOT);
        boolean lesser = l.contains("lgpl") || l.contains("lesser") || l.contains("library general");
        return !lesser && (l.contains("gpl") || l.contains("gnu general public") || l.contains("gnu 3")
                || l.contains("affero"));
    }

    /** The licence names and URLs of {@code pom}, or of its nearest parent that states them; null if none. */
    static String licence(Path pom, Path repository) throws Exception {
        for (int depth = 0; depth < 10 && pom != null && Files.isRegularFile(pom); depth++) {
            String text = Files.readString(pom);
            Matcher m = LICENSES.matcher(text);
            if (m.find() && m.group(1).contains("<name>")) {
                // names and URLs only: a comment may mention another licence (the root POM's does)
                return m.group(1).replaceAll("(?s)<comments>.*?</comments>", " ")
                        .replaceAll("<(/?)(license|distribution)>", " ").replaceAll("\\s+", " ").strip();
            }
            Matcher parent = PARENT.matcher(text);
            if (!parent.find() || repository == null) {
                return null;
            }
            String p = parent.group(1);
            String group = tag(p, "groupId");
            String artifact = tag(p, "artifactId");
            String version = tag(p, "version");
            Path relative = pom.getParent().resolve(tagOr(p, "relativePath", "../pom.xml")).normalize();
            if (Files.isRegularFile(relative) && Files.readString(relative).contains("<artifactId>" + artifact
                    + "</artifactId>")) {
                pom = relative;
            } else {
                pom = repository.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                        .resolve(artifact + "-" + version + ".pom");
            }
        }
        return null;
    }

    private static String tag(String xml, String name) {
        String value = tagOr(xml, name, null);
        if (value == null) {
            throw new IllegalStateException("no <" + name + "> in " + xml);
        }
        return value;
    }

    private static String tagOr(String xml, String name, String fallback) {
        Matcher m = Pattern.compile("<" + name + ">\\s*([^<]*?)\\s*</" + name + ">").matcher(xml);
        return m.find() ? m.group(1) : fallback;
    }

    /** The local repository root of a jar in it ({@code .../repository}), or the default one for a folder. */
    private static Path repositoryOf(Path entry) {
        String unix = entry.toAbsolutePath().toString().replace('\\', '/');
        int at = unix.indexOf("/repository/");
        return at < 0 ? localRepository() : Path.of(unix.substring(0, at + "/repository".length()));
    }

    private static Path localRepository() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }
}
