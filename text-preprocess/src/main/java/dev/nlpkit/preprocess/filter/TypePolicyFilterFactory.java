package dev.nlpkit.preprocess.filter;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;

import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;

/**
 * Lucene SPI factory of {@link TypePolicyFilter}, named {@value #NAME}: what to do per token type. Parameters:
 * <ul>
 * <li>one per type, named by the lower-case type ({@code word, url, email, mention, hashtag, emoticon, number,
 *     punct}), valued {@code keep} (default), {@code drop}, {@code replace} or {@code unwrap} ({@code hashtag}
 *     and {@code mention} only);</li>
 * <li>{@code <type>Placeholder} ({@code urlPlaceholder}, ...): the replacement term, defaults
 *     {@link PreprocessOptions#DEFAULT_PLACEHOLDERS} ({@code <url>}, {@code <user>}, ...).</li>
 * </ul>
 * The {@code tweets()} preset's policy: {@code url=replace, email=replace, mention=replace, number=replace,
 * hashtag=unwrap, punct=drop}. Put it after a lower-case filter, so that placeholders stay as configured.
 */
public final class TypePolicyFilterFactory extends TokenFilterFactory {

    /** The SPI name. */
    public static final String NAME = "nlpkitTypePolicy";

    private static final List<String> ACTIONS = List.of("keep", "drop", "replace", "unwrap");

    private final Map<TokenType, TokenAction> actions = new EnumMap<>(TokenType.class);
    private final Map<TokenType, String> placeholders = new EnumMap<>(PreprocessOptions.DEFAULT_PLACEHOLDERS);

    /**
     * Creates the factory; Lucene's SPI loader passes the configured parameters.
     *
     * @param args the per-type actions and placeholders; consumed
     * @throws IllegalArgumentException {@code Unknown parameters: {...}} for any other parameter, an action
     *                                  that is not one of {@code keep drop replace unwrap}, {@code unwrap} for a
     *                                  type without a sigil, or an empty placeholder
     */
    public TypePolicyFilterFactory(Map<String, String> args) {
        super(args);
        for (TokenType type : TokenType.values()) {
            String key = parameter(type);
            String action = get(args, key, ACTIONS, "keep", false);
            TokenAction a = TokenAction.valueOf(action.toUpperCase(Locale.ROOT));
            if (a == TokenAction.UNWRAP && type != TokenType.HASHTAG && type != TokenType.MENTION) {
                throw new IllegalArgumentException(NAME + ": " + key + "=unwrap is not possible; unwrap applies to "
                        + "hashtag and mention only");
            }
            actions.put(type, a);
            String placeholder = get(args, key + "Placeholder");
            if (placeholder != null) {
                if (placeholder.isEmpty()) {
                    throw new IllegalArgumentException(NAME + ": " + key + "Placeholder must not be empty");
                }
                placeholders.put(type, placeholder);
            }
        }
        if (!args.isEmpty()) {
            throw new IllegalArgumentException("Unknown parameters: " + args);
        }
    }

    /** Required by Lucene's SPI loader (which instantiates through the map constructor); do not call. */
    public TypePolicyFilterFactory() {
        throw defaultCtorException();
    }

    private static String parameter(TokenType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public TokenStream create(TokenStream input) {
        return new TypePolicyFilter(input, actions, placeholders);
    }
}
