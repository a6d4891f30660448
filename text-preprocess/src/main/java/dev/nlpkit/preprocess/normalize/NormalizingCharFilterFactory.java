package dev.nlpkit.preprocess.normalize;

import java.io.Reader;
import java.util.Map;

import org.apache.lucene.analysis.CharFilterFactory;

/**
 * Lucene SPI factory of {@link NormalizingCharFilter}, named {@value #NAME}. Parameters (booleans, each
 * {@code true} by default, which is the character normalization of the {@code tweets()} preset):
 * {@code htmlEntities}, {@code nfkc}, {@code unifyApostrophes}, {@code cleanWhitespace} (see
 * {@link Normalization}). Offsets are corrected back to the original text.
 *
 * <pre>{@code
 * CustomAnalyzer.builder()
 *         .addCharFilter("nlpkitNormalize", "unifyApostrophes", "false")   // the english() preset's steps
 *         .withTokenizer("standard").build();
 * }</pre>
 */
public final class NormalizingCharFilterFactory extends CharFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitNormalize";

    private final TextNormalizer normalizer;

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args {@code htmlEntities}, {@code nfkc}, {@code unifyApostrophes}, {@code cleanWhitespace}; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter
     */
    public NormalizingCharFilterFactory(Map<String, String> args) {
        super(args);
        Normalization n = new Normalization(getBoolean(args, "htmlEntities", true), getBoolean(args, "nfkc", true),
                getBoolean(args, "unifyApostrophes", true), getBoolean(args, "cleanWhitespace", true), false, 0);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
        this.normalizer = n.anyCharacterStep() ? new TextNormalizer(n) : null;
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public NormalizingCharFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public Reader create(Reader input) {
        return normalizer == null ? input : new NormalizingCharFilter(input, normalizer);
    }

    /** Query terms are normalized the same way ({@code &amp;}, full-width letters, curly apostrophes). */
    @Override
    public Reader normalize(Reader input) {
        return create(input);
    }
}
