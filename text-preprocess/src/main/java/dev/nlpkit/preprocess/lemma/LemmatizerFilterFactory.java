package dev.nlpkit.preprocess.lemma;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

/**
 * Lucene SPI factory of {@link LemmatizerFilter}, named {@value #NAME}. Parameter {@code mode}: how tokens
 * without a part of speech are lemmatized, {@code noun} (default, as NLTK), {@code verb}, {@code adjective},
 * {@code adverb} or {@code untagged} ({@link LemmaMode}). WordNet is loaded when the factory is created, so
 * missing data (the optional {@code net.sf.extjwnl:extjwnl-data-wn30} jar) fails there, naming the jar.
 */
public final class LemmatizerFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitLemmatizer";

    private static final List<String> MODES = Arrays.stream(LemmaMode.values())
            .map(m -> m.name().toLowerCase(Locale.ROOT)).toList();

    private final LemmaMode mode;
    private final WordNetLemmatizer lemmatizer;

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args {@code mode}; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter, or an
     *                                  unknown mode
     * @throws IllegalStateException    when the WordNet data jar is not on the class path
     */
    public LemmatizerFilterFactory(Map<String, String> args) {
        super(args);
        mode = LemmaMode.valueOf(get(args, "mode", MODES, "noun", false).toUpperCase(Locale.ROOT));
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
        lemmatizer = WordNetLemmatizer.load();
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public LemmatizerFilterFactory() {
        throw defaultCtorException();
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new LemmatizerFilter(input, lemmatizer, mode);
    }
}
