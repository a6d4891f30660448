package dev.nlpkit.examples.cli;

import java.util.OptionalInt;

/**
 * Whether the JDK Vector API ({@code jdk.incubator.vector}) is active in this JVM, and its preferred
 * vector width. The module is active only when the JVM was started with
 * {@code --add-modules=jdk.incubator.vector} (the root POM's {@code nlpkit.jvm.options}); code that uses
 * it checks {@link #active()} first and otherwise takes its plain-Java path, so no class that links
 * against the incubator module is ever loaded without it.
 */
public final class VectorApiStatus {

    private static final String MODULE = "jdk.incubator.vector";

    private VectorApiStatus() {
    }

    /** True when {@code jdk.incubator.vector} is in the boot layer. */
    public static boolean active() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /** The preferred float vector width in bits, when the Vector API is active. */
    public static OptionalInt preferredBits() {
        if (!active()) {
            return OptionalInt.empty();
        }
        // Loaded only here, after the module check, so a JVM without the module never links it.
        return OptionalInt.of(PreferredSpecies.bits());
    }

    /** Isolates the reference to the incubator classes. */
    private static final class PreferredSpecies {
        static int bits() {
            return jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
