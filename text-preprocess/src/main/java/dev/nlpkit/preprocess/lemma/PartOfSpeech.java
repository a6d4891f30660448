package dev.nlpkit.preprocess.lemma;

import java.util.Optional;
import java.util.Set;

/**
 * The four WordNet parts of speech that morphy knows.
 *
 * <p>WordNet's fifth synset type, the satellite adjective ({@code 's'}), shares the adjective index and
 * the adjective exception list, so for lemmatization it is the same as {@link #ADJECTIVE}: NLTK's
 * {@code _morphy(word, 's')} returns exactly what {@code _morphy(word, 'a')} returns, and
 * {@link #fromTag(char)} maps {@code 's'} to {@code ADJECTIVE}.
 */
public enum PartOfSpeech {
    /** {@code n}: index.noun, noun.exc. */
    NOUN('n', "noun"),
    /** {@code v}: index.verb, verb.exc. */
    VERB('v', "verb"),
    /** {@code a} (and {@code s}, satellite): index.adj, adj.exc. */
    ADJECTIVE('a', "adj"),
    /** {@code r}: index.adv, adv.exc. */
    ADVERB('r', "adv");

    private static final Set<String> PENN_TAGS = Set.of(
            "CC", "CD", "DT", "EX", "FW", "IN", "JJ", "JJR", "JJS", "LS", "MD", "NN", "NNS", "NNP", "NNPS",
            "PDT", "POS", "PRP", "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG",
            "VBN", "VBP", "VBZ", "WDT", "WP", "WP$", "WRB",
            "$", "#", "``", "''", "(", ")", "-LRB-", "-RRB-", ",", ".", ":", "--", "HYPH", "NFP", "ADD", "AFX",
            "GW", "XX", "-NONE-");

    private final char tag;
    private final String fileSuffix;

    PartOfSpeech(char tag, String fileSuffix) {
        this.tag = tag;
        this.fileSuffix = fileSuffix;
    }

    /**
     * The WordNet/NLTK one-letter tag: {@code n}, {@code v}, {@code a} or {@code r}.
     *
     * @return the tag letter
     */
    public char tag() {
        return tag;
    }

    /** The suffix of this part of speech's WordNet files ({@code index.<suffix>}, {@code <suffix>.exc}). */
    String fileSuffix() {
        return fileSuffix;
    }

    /**
     * The part of speech for a WordNet/NLTK tag letter.
     *
     * @param tag {@code n}, {@code v}, {@code a}, {@code s} (satellite adjective, same as {@code a}) or
     *            {@code r}
     * @return the part of speech
     * @throws IllegalArgumentException for any other character
     */
    public static PartOfSpeech fromTag(char tag) {
        return switch (tag) {
            case 'n' -> NOUN;
            case 'v' -> VERB;
            case 'a', 's' -> ADJECTIVE;
            case 'r' -> ADVERB;
            default -> throw new IllegalArgumentException(
                    "unknown WordNet part-of-speech tag '" + tag + "': expected one of n, v, a, s, r");
        };
    }

    /**
     * The part of speech of a Penn Treebank tag, as the usual NLTK recipe maps it: {@code NN*} noun,
     * {@code VB*} verb, {@code JJ*} adjective, {@code RB*} adverb. Every other tag (determiners,
     * pronouns, prepositions, {@code WRB}, {@code RP}, punctuation, ...) and any string that is not a
     * Penn tag gives empty: WordNet has no lemma to offer for closed-class words.
     *
     * @param tag a Penn Treebank tag such as {@code NNS} or {@code VBD}; not null
     * @return the part of speech, or empty
     */
    public static Optional<PartOfSpeech> fromPennTag(String tag) {
        if (tag == null || tag.length() < 2) {
            return Optional.empty();
        }
        if (!PENN_TAGS.contains(tag)) {
            return Optional.empty();
        }
        return switch (tag.substring(0, 2)) {
            case "NN" -> Optional.of(NOUN);
            case "VB" -> Optional.of(VERB);
            case "JJ" -> Optional.of(ADJECTIVE);
            case "RB" -> Optional.of(ADVERB);
            default -> Optional.empty();
        };
    }

    /**
     * Whether {@code tag} is a Penn Treebank part-of-speech tag (the 36 word tags, the punctuation tags,
     * and the few OntoNotes additions such as {@code HYPH} and {@code NFP}), open-class or not.
     *
     * @param tag any string; not null
     * @return true for a Penn Treebank tag
     */
    public static boolean isPennTag(String tag) {
        return tag != null && PENN_TAGS.contains(tag);
    }
}
