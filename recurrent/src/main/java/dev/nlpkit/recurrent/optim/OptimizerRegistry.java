package dev.nlpkit.recurrent.optim;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide table from a {@link OptimizerSpec#type() user optimizer type name} to the factory that
 * rebuilds it from a saved model's header. Register once, before loading. Thread-safe.
 */
public final class OptimizerRegistry {

    /** Rebuilds user optimizer options from the saved learning-rate schedule and settings. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Rebuilds the options.
         *
         * @param learningRate the saved schedule
         * @param config       the saved {@link OptimizerSpec#config()}
         * @return the options
         */
        OptimizerSpec create(LearningRate learningRate, Map<String, String> config);
    }

    private static final Map<String, Factory> FACTORIES = new ConcurrentHashMap<>();

    private OptimizerRegistry() {
    }

    /**
     * Registers (or replaces) the factory of a user optimizer type.
     *
     * @param type    the name the options return from {@link OptimizerSpec#type()}
     * @param factory rebuilds the options
     */
    public static void register(String type, Factory factory) {
        if (type == null || !type.matches("[A-Za-z0-9._$-]+") || factory == null) {
            throw new IllegalArgumentException("an optimizer type needs a name of letters, digits, '.', '_', '-' "
                    + "or '$' and a factory, got '" + type + "'");
        }
        FACTORIES.put(type, factory);
    }

    /**
     * Removes a registration.
     *
     * @param type the registered name
     */
    public static void unregister(String type) {
        FACTORIES.remove(type);
    }

    /**
     * The registered names, sorted.
     *
     * @return a copy
     */
    public static Set<String> types() {
        return new TreeSet<>(FACTORIES.keySet());
    }

    /**
     * Rebuilds saved user optimizer options.
     *
     * @param type         the saved type name
     * @param learningRate the saved schedule
     * @param config       the saved settings
     * @return the options
     * @throws IllegalArgumentException naming the type and how to register it when unknown
     */
    public static OptimizerSpec create(String type, LearningRate learningRate, Map<String, String> config) {
        Factory factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown user optimizer type '" + type + "': call "
                    + "OptimizerRegistry.register(\"" + type + "\", (learningRate, config) -> ...) before loading "
                    + "(registered types: " + types() + ")");
        }
        OptimizerSpec spec = factory.create(learningRate, Map.copyOf(config));
        if (spec == null || !type.equals(spec.type())) {
            throw new IllegalArgumentException("the factory registered for optimizer type '" + type + "' returned "
                    + (spec == null ? "null" : "options of type '" + spec.type() + "'"));
        }
        return spec;
    }
}
