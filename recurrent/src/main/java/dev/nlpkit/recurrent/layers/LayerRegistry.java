package dev.nlpkit.recurrent.layers;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The process-wide table from a {@link LayerSpec#type() user layer type name} to the factory that rebuilds its
 * options from the saved settings, consulted when a model file is loaded (Keras' {@code custom_objects}). Register
 * once, before loading, for instance in a static initializer of the layer class. Thread-safe.
 */
public final class LayerRegistry {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9._$-]+");
    private static final Map<String, Function<Map<String, String>, ? extends LayerSpec>> FACTORIES =
            new ConcurrentHashMap<>();

    private LayerRegistry() {
    }

    /**
     * Registers (or replaces) the factory of a user layer type.
     *
     * @param type    the name the options return from {@link LayerSpec#type()}
     * @param factory rebuilds the options from {@link LayerSpec#config()}
     * @throws IllegalArgumentException when the name is empty or holds other characters than letters, digits,
     *                                  {@code . _ - $}, or the factory is null
     */
    public static void register(String type, Function<Map<String, String>, ? extends LayerSpec> factory) {
        checkType(type);
        if (factory == null) {
            throw new IllegalArgumentException("the factory of layer type '" + type + "' must not be null");
        }
        FACTORIES.put(type, factory);
    }

    /**
     * Removes a registration (tests, plug-in unloading).
     *
     * @param type the registered name
     */
    public static void unregister(String type) {
        FACTORIES.remove(type);
    }

    /**
     * The registered type names, sorted.
     *
     * @return a copy of the names
     */
    public static Set<String> types() {
        return new TreeSet<>(FACTORIES.keySet());
    }

    /**
     * Rebuilds the options of a saved user layer.
     *
     * @param type   the saved type name
     * @param config the saved settings
     * @return the options the factory returns
     * @throws IllegalArgumentException naming the type and how to register it when it is unknown, or when the
     *                                  factory returns null or options of another type
     */
    public static LayerSpec create(String type, Map<String, String> config) {
        Function<Map<String, String>, ? extends LayerSpec> factory = FACTORIES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown user layer type '" + type + "': call LayerRegistry.register(\""
                    + type + "\", config -> ...) before loading (registered types: " + types() + ")");
        }
        LayerSpec spec = factory.apply(Map.copyOf(config));
        if (spec == null || !type.equals(spec.type())) {
            throw new IllegalArgumentException("the factory registered for layer type '" + type + "' returned "
                    + (spec == null ? "null" : "options of type '" + spec.type() + "'"));
        }
        return spec;
    }

    /**
     * Checks a type name.
     *
     * @param type the name
     */
    static void checkType(String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("a layer type name needs letters, digits, '.', '_', '-' or '$', got '"
                    + type + "'");
        }
    }
}
