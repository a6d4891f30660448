package dev.nlpkit.preprocess.normalize;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link ElongationFilter}, named {@value #NAME}. Parameter {@code maxRun} (int, default
 * 3, at least 2): runs of one character longer than this are cut to it.
 */
public final class ElongationFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitElongation";

    private final int maxRun;

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args {@code maxRun}; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter, or a
     *                                  {@code maxRun} below 2
     */
    public ElongationFilterFactory(Map<String, String> args) {
        super(args);
        maxRun = getInt(args, "maxRun", 3);
        if (maxRun < 2) {
            throw new IllegalArgumentException(NAME + ": maxRun must be >= 2, got " + maxRun);
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public ElongationFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new ElongationFilter(input, maxRun);
    }
}
