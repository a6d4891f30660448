package dev.nlpkit.preprocess.filter;

import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/** Lucene SPI factory of {@link TypeAwareLowercaseFilter}, named {@value #NAME}: lower-cases every token except emoticons. No parameters. */
public final class TypeAwareLowercaseFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitLowercase";

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args the parameters (none are accepted); consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any parameter
     */
    public TypeAwareLowercaseFilterFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public TypeAwareLowercaseFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new TypeAwareLowercaseFilter(input);
    }

    /** Query terms are lower-cased too (except emoticons), as Lucene's {@code lowercase} factory does. */
    @Override
    public TokenStream normalize(TokenStream input) {
        return create(input);
    }
}
