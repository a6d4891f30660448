package dev.nlpkit.preprocess.filter;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link CodePointLengthFilter}, named {@value #NAME}: keeps tokens whose length in
 * code points is in {@code [min, max]}. Parameters {@code min} (int, default 1) and {@code max} (int, default
 * unlimited).
 */
public final class CodePointLengthFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitLength";

    private final int min;
    private final int max;

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args {@code min}, {@code max}; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter, or unless
     *                                  {@code 1 <= min <= max}
     */
    public CodePointLengthFilterFactory(Map<String, String> args) {
        super(args);
        min = getInt(args, "min", 1);
        max = getInt(args, "max", Integer.MAX_VALUE);
        if (min < 1 || max < min) {
            throw new IllegalArgumentException(NAME + ": need 1 <= min <= max, got min=" + min + ", max=" + max);
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public CodePointLengthFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new CodePointLengthFilter(input, min, max);
    }
}
