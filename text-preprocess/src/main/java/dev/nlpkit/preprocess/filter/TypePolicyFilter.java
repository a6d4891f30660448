package dev.nlpkit.preprocess.filter;

import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;

/**
 * Applies a {@link TokenAction} per {@link TokenType}: keep, drop, replace by a placeholder (the token keeps
 * its type and becomes a keyword, so no later stage alters {@code <url>}), or unwrap a hashtag or mention
 * into a WORD ({@code #happy -> happy}).
 */
public final class TypePolicyFilter extends FilteringTokenFilter {

    private static final TokenType[] TYPES = TokenType.values();

    private final TokenAction[] actions = new TokenAction[TYPES.length];
    private final char[][] placeholders = new char[TYPES.length][];
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

    /**
     * Applies {@code actions} to the tokens of {@code input}.
     *
     * @param input the tokens, typed by one of our tokenizers or filters
     * @param actions the action per type; a missing type is KEEP
     * @param placeholders the replacement term per type, for the types whose action is REPLACE
     */
    public TypePolicyFilter(TokenStream input, Map<TokenType, TokenAction> actions, Map<TokenType, String> placeholders) {
        super(input);
        for (TokenType t : TYPES) {
            this.actions[t.ordinal()] = actions.getOrDefault(t, TokenAction.KEEP);
            String p = placeholders.get(t);
            this.placeholders[t.ordinal()] = p == null ? null : p.toCharArray();
        }
    }

    @Override
    protected boolean accept() throws IOException {
        TokenType t = TokenType.ofLuceneType(type.type());
        switch (actions[t.ordinal()]) {
            case KEEP -> {
                return true;
            }
            case DROP -> {
                return false;
            }
            case REPLACE -> {
                char[] p = placeholders[t.ordinal()];
                term.copyBuffer(p, 0, p.length);
                keyword.setKeyword(true);
                return true;
            }
            case UNWRAP -> {
                if (term.length() > 1 && (term.charAt(0) == '#' || term.charAt(0) == '@')) {
                    char[] b = term.buffer();
                    System.arraycopy(b, 1, b, 0, term.length() - 1);
                    term.setLength(term.length() - 1);
                    type.setType(TokenType.WORD.name());
                    keyword.setKeyword(false);
                }
                return true;
            }
            default -> throw new AssertionError();
        }
    }

    /**
     * A readable form of a policy, e.g. {@code URL=<url>, PUNCT=drop, HASHTAG=unwrap}.
     *
     * @param actions the action per type
     * @param placeholders the replacement term per type
     * @return the description, only the types not kept
     */
    public static String describe(Map<TokenType, TokenAction> actions, Map<TokenType, String> placeholders) {
        StringJoiner j = new StringJoiner(", ");
        for (Map.Entry<TokenType, TokenAction> e : new EnumMap<>(actions).entrySet()) {
            switch (e.getValue()) {
                case KEEP -> {
                }
                case REPLACE -> j.add(e.getKey() + "=" + placeholders.get(e.getKey()));
                default -> j.add(e.getKey() + "=" + e.getValue().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return j.toString();
    }
}
