package dev.nlpkit.preprocess.lemma;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The part-of-speech taggers known to this JVM, by name. A {@link dev.nlpkit.preprocess.PreprocessOptions}
 * stores only the tagger's name (so a saved model says which tagger it was trained with and the options stay a
 * plain value); the pipeline finds the tagger here when it is built. The nlpkit command line registers Smile's
 * HMM tagger as {@code smile-hmm}; an application registers its own before building a pipeline or loading a
 * model that names it.
 *
 * <pre>{@code
 * PartOfSpeechTaggers.register("smile-hmm", new SmileHmmTagger());
 * TextClassifier model = TextClassifier.load(Path.of("pos.nlpkit"));   // its preprocessing names smile-hmm
 * }</pre>
 *
 * Thread-safe. A registry, not Java's {@code ServiceLoader}, because a tagger usually needs its model handed to
 * it by the application; the names are free-form (letters, digits, '-', '_' and '.').
 */
public final class PartOfSpeechTaggers {

    private static final Map<String, PartOfSpeechTagger> TAGGERS = new ConcurrentHashMap<>();

    private PartOfSpeechTaggers() {
    }

    /**
     * Registers {@code tagger} under {@code name}, replacing any tagger registered under it before.
     *
     * @param name   the name options refer to, e.g. {@code smile-hmm}
     * @param tagger the tagger (shared by every thread: see {@link PartOfSpeechTagger})
     * @throws IllegalArgumentException when the name is not a valid tagger name
     */
    public static void register(String name, PartOfSpeechTagger tagger) {
        TAGGERS.put(checkName(name), Objects.requireNonNull(tagger, "tagger"));
    }

    /**
     * Removes the tagger registered under {@code name}, if any.
     *
     * @param name the tagger's name
     */
    public static void unregister(String name) {
        TAGGERS.remove(Objects.requireNonNull(name, "name"));
    }

    /**
     * The tagger registered under {@code name}.
     *
     * @param name the tagger's name
     * @return the tagger
     * @throws IllegalStateException naming the tagger and how to register it, when none is registered
     */
    public static PartOfSpeechTagger get(String name) {
        PartOfSpeechTagger tagger = TAGGERS.get(Objects.requireNonNull(name, "name"));
        if (tagger == null) {
            throw new IllegalStateException("the preprocessing lemmatizes with the part-of-speech tagger '" + name
                    + "', which is not registered in this program: register it with PartOfSpeechTaggers.register(\""
                    + name + "\", tagger) before building the pipeline or loading the model"
                    + ("smile-hmm".equals(name) ? " (the nlpkit command line registers Smile's HMM tagger under "
                    + "this name)" : "") + "; registered: " + names());
        }
        return tagger;
    }

    /**
     * Whether a tagger is registered under {@code name}.
     *
     * @param name the tagger's name
     * @return true when {@link #get} would find it
     */
    public static boolean isRegistered(String name) {
        return TAGGERS.containsKey(Objects.requireNonNull(name, "name"));
    }

    /**
     * The registered names, sorted.
     *
     * @return a snapshot of the names
     */
    public static Set<String> names() {
        return new TreeSet<>(TAGGERS.keySet());
    }

    /**
     * Checks a tagger name: non-empty, letters, digits, '-', '_' and '.' only (it is written into saved options).
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when it is not valid
     */
    public static String checkName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.length() > 100 || !name.chars().allMatch(c -> c < 128
                && (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.'))) {
            throw new IllegalArgumentException("a part-of-speech tagger name is 1 to 100 ASCII letters, digits, "
                    + "'-', '_' or '.', got '" + name + "'");
        }
        return name;
    }
}
