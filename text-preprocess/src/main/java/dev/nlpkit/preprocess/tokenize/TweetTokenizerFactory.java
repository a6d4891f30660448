package dev.nlpkit.preprocess.tokenize;

import java.util.Map;

import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.util.AttributeFactory;

/**
 * Lucene SPI factory of {@link TweetTokenizer}, named {@value #NAME} (for {@code CustomAnalyzer}, Solr and
 * Elasticsearch configurations). No parameters: put character normalization in front with the
 * {@code nlpkitNormalize} char filter ({@link dev.nlpkit.preprocess.normalize.NormalizingCharFilterFactory}).
 *
 * <pre>{@code
 * CustomAnalyzer.builder().addCharFilter("nlpkitNormalize").withTokenizer("nlpkitTweet").build();
 * }</pre>
 */
public final class TweetTokenizerFactory extends TokenizerFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitTweet";

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args the parameters (none are accepted); consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any parameter
     */
    public TweetTokenizerFactory(Map<String, String> args) {
        super(args);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public TweetTokenizerFactory() {
        throw defaultCtorException();
    }

    @Override
    public TweetTokenizer create(AttributeFactory factory) {
        return new TweetTokenizer(factory, null);
    }
}
