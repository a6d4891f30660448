package dev.nlpkit.core;

/**
 * Thread counts: the one name ({@code threads}) and the one default of every nlpkit module. gensim and
 * word2vec.c call the same thing {@code workers}.
 *
 * <p>The default is the system property {@value #PROPERTY} when set ({@code -Dnlpkit.threads=1} makes a whole
 * run single-threaded, hence bit-reproducible where a module promises it), else the available processors.
 */
public final class Threads {

    /** The system property that sets the default thread count. */
    public static final String PROPERTY = "nlpkit.threads";

    private Threads() {
    }

    /**
     * The default thread count: {@value #PROPERTY} when set, else {@link Runtime#availableProcessors()}. Read
     * at each call, so a property set at run time counts from then on.
     *
     * @return the count, {@code >= 1}
     * @throws IllegalArgumentException when the property is set but is not an integer {@code >= 1}, naming it
     */
    public static int defaultCount() {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        int value;
        try {
            value = Integer.parseInt(property.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be an integer >= 1, got '"
                    + property + "'", e);
        }
        if (value < 1) {
            throw new IllegalArgumentException("system property " + PROPERTY + " must be >= 1, got " + value);
        }
        return value;
    }

    /**
     * Checks a thread count given by a caller.
     *
     * @param name    the name to use in the message (an option such as {@code "threads"})
     * @param threads the count
     * @return {@code threads}
     * @throws IllegalArgumentException when {@code threads < 1}, naming it
     */
    public static int check(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + threads);
        }
        return threads;
    }
}
