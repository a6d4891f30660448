package dev.nlpkit.preprocess.filter;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Lucene SPI factory of {@link NonLetterFilter}, named {@value #NAME}: drops tokens without a letter, except emoticons. No parameters. */
public final class NonLetterFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitNonLetter";

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args the parameters (none are accepted); consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any parameter
     */
    public NonLetterFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public NonLetterFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new NonLetterFilter(input);
    }
}
