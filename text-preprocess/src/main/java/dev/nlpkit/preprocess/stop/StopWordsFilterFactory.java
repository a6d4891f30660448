package dev.nlpkit.preprocess.stop;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory, named {@value #NAME}, of a Lucene {@code StopFilter} over one of nlpkit's bundled
 * {@link StopWords} lists. Parameters: {@code words}, one of {@code nltk-english} (default, 179 words),
 * {@code lucene-english}, {@code snowball-english}, {@code smart}; {@code keepNegations} (boolean, default
 * false): keep {@link StopWords#NEGATIONS} and words ending in {@code n't} although listed. Matching is
 * case-sensitive against lower-case lists: put a lower-case filter before it. For a list in a file, use
 * Lucene's own {@code stop} factory.
 */
public final class StopWordsFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitStop";

    private static final List<String> LISTS = List.of("nltk-english", "lucene-english", "snowball-english", "smart");

    private final CharArraySet words;

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args {@code words}, {@code keepNegations}; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter, or an
     *                                  unknown list name
     */
    public StopWordsFilterFactory(Map<String, String> args) {
        super(args);
        String list = get(args, "words", LISTS, "nltk-english");
        boolean keepNegations = getBoolean(args, "keepNegations", false);
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
        StopWords stopWords = switch (list) {
            case "nltk-english" -> StopWords.nltkEnglish();
            case "lucene-english" -> StopWords.luceneEnglish();
            case "snowball-english" -> StopWords.snowballEnglish();
            case "smart" -> StopWords.smart();
            default -> throw new AssertionError(list);
        };
        words = (keepNegations ? stopWords.withoutNegations() : stopWords).toCharArraySet();
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public StopWordsFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new StopFilter(input, words);
    }
}
