package dev.nlpkit.preprocess.filter;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link StandardTypeFilter}, named {@value #NAME}: maps the types of Lucene's
 * {@code standard} tokenizer to nlpkit's (put it right after that tokenizer). No parameters.
 */
public final class StandardTypeFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitStandardType";

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args the parameters (none are accepted); consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any parameter
     */
    public StandardTypeFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public StandardTypeFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new StandardTypeFilter(input);
    }
}
