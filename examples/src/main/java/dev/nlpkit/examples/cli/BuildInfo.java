package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Build facts written by Maven resource filtering: the nlpkit version and the JVM options of the root POM. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    /** The nlpkit version, for example {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** The JVM options that the root POM sets for tests, the launcher and benchmarks. */
    public static String jvmOptions() {
        return PROPERTIES.getProperty("jvm.options", "");
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/nlpkit/examples/build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties from the nlpkit jar", e);
        }
        return properties;
    }
}
