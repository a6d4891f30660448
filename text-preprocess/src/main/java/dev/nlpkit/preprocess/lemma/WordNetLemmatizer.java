package dev.nlpkit.preprocess.lemma;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * WordNet's morphy lemmatizer, the same function as NLTK 3.8's {@code WordNetLemmatizer}, over the
 * WordNet 3.0 data of the {@code extjwnl-data-wn30} jar held in memory.
 *
 * <p><b>Algorithm</b> ({@code nltk.corpus.reader.wordnet.WordNetCorpusReader._morphy}, replicated step
 * for step). Let {@code I(p)} be the lemma set of index file {@code p}, {@code E(p)} its exception map
 * and {@code R(p)} its ordered detachment rules (suffix {@code old} replaced by {@code new}):
 * <ol>
 * <li>if {@code w} has an entry in {@code E(p)}: the result is {@code [w] + E(p)[w]} filtered to
 *     {@code I(p)}, and the rules are not tried;</li>
 * <li>otherwise {@code F1 = R(p)(w)} (every rule whose suffix matches, in rule order); the result is
 *     {@code [w] + F1} filtered to {@code I(p)} if that is not empty;</li>
 * <li>otherwise {@code F(k+1) = R(p)(F(k))} is applied repeatedly until some {@code F(k)} filtered to
 *     {@code I(p)} is not empty, or {@code F(k)} is empty.</li>
 * </ol>
 * {@link #lemmatize(String, PartOfSpeech)} returns the first of the shortest candidates (Python's
 * {@code min(lemmas, key=len)}), or the word itself when there is none. The rules:
 * <pre>
 * noun:      s→ , ses→s, ves→f, xes→x, zes→z, ches→ch, shes→sh, men→man, ies→y
 * verb:      s→ , ies→y, es→e, es→ , ed→e, ed→ , ing→e, ing→
 * adjective: er→ , est→ , er→e, est→e
 * adverb:    (none)
 * </pre>
 * Matching is case-sensitive, as in NLTK: WordNet's lemmas are lower case, so lower-case tokens first
 * ({@code Dogs} stays {@code Dogs}). Known NLTK quirks are kept on purpose, because agreement is the
 * contract: {@code lemmatize("was")} (noun) is {@code wa}, {@code "has"} is {@code ha}, {@code "as"} is
 * {@code a}. Tag the token, or use {@link #lemmatizeUntagged(String)}, to avoid them.
 *
 * <p><b>One deviation:</b> a word longer than {@value #MAX_WORD_LENGTH} characters is returned unchanged
 * without running morphy. NLTK would keep stripping suffixes (a 100,000-character token of repeated
 * {@code es} takes it quadratic time); no WordNet lemma is longer than about 70 characters.
 *
 * <p>Instances are immutable and thread-safe; {@link #load()} reads the data once per JVM (about
 * 155,287 lemmas and 5,952 exceptions, about 16 MB of heap) and returns the shared instance.
 */
public final class WordNetLemmatizer {

    /** Words longer than this are returned unchanged (see the class comment). */
    public static final int MAX_WORD_LENGTH = 256;

    /**
     * The order in which {@link #lemmatizeUntagged(String)} tries parts of speech: verb, noun,
     * adjective, adverb.
     */
    public static final List<PartOfSpeech> UNTAGGED_ORDER = List.of(
            PartOfSpeech.VERB, PartOfSpeech.NOUN, PartOfSpeech.ADJECTIVE, PartOfSpeech.ADVERB);

    private static final String[][] NOUN_RULES = {
            {"s", ""}, {"ses", "s"}, {"ves", "f"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
            {"men", "man"}, {"ies", "y"}};
    private static final String[][] VERB_RULES = {
            {"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}};
    private static final String[][] ADJECTIVE_RULES = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};
    private static final String[][] ADVERB_RULES = {};

    private static final Object LOCK = new Object();
    private static volatile WordNetLemmatizer shared;

    private final WordNetData data;

    private WordNetLemmatizer(WordNetData data) {
        this.data = data;
    }

    /**
     * The shared lemmatizer, loading WordNet 3.0 from the class path on first use (thread-safe; later
     * calls return the same instance at once).
     *
     * @return the shared lemmatizer
     * @throws IllegalStateException naming the Maven coordinates {@code net.sf.extjwnl:extjwnl-data-wn30:1.2}
     *                               when the data jar is not on the class path
     */
    public static WordNetLemmatizer load() {
        WordNetLemmatizer result = shared;
        if (result == null) {
            synchronized (LOCK) {
                result = shared;
                if (result == null) {
                    result = load(WordNetLemmatizer.class.getClassLoader());
                    shared = result;
                }
            }
        }
        return result;
    }

    /** A new lemmatizer reading the WordNet data through {@code loader} (tests use an empty loader). */
    static WordNetLemmatizer load(ClassLoader loader) {
        return new WordNetLemmatizer(WordNetData.load(loader));
    }

    /**
     * The lemma of {@code word} as a noun: NLTK's {@code WordNetLemmatizer().lemmatize(word)}.
     *
     * @param word a lower-case word
     * @return its lemma, or {@code word} when WordNet has none
     */
    public String lemmatize(String word) {
        return lemmatize(word, PartOfSpeech.NOUN);
    }

    /**
     * The lemma of {@code word} as {@code pos}: NLTK's {@code WordNetLemmatizer().lemmatize(word, pos)},
     * i.e. the first shortest of {@link #morphy(String, PartOfSpeech)}, or {@code word} when that is empty.
     *
     * @param word a lower-case word
     * @param pos the part of speech to read it as
     * @return its lemma, or {@code word} when WordNet has none
     */
    public String lemmatize(String word, PartOfSpeech pos) {
        String lemma = shortestLemma(word, pos);
        return lemma == null ? word : lemma;
    }

    /**
     * {@link #lemmatize(String, PartOfSpeech)} for a fixed mode, {@link #lemmatizeUntagged(String)}, or
     * {@code word} itself for {@link LemmaMode#UNCHANGED}.
      *
     * @param word a lower-case word
     * @param mode a fixed part of speech, or untagged
     * @return its lemma, or {@code word} when WordNet has none
     */
    public String lemmatize(String word, LemmaMode mode) {
        if (mode == LemmaMode.UNCHANGED) {
            return word;
        }
        PartOfSpeech pos = mode.partOfSpeech();
        return pos == null ? lemmatizeUntagged(word) : lemmatize(word, pos);
    }

    /**
     * The lemma of a word whose part of speech is unknown: the parts of speech are tried in the order
     * {@link #UNTAGGED_ORDER} (verb, noun, adjective, adverb) and the first one under which WordNet knows
     * the word or a base form of it (morphy is not empty) gives the lemma; a word WordNet does not know
     * under any is returned unchanged.
     *
     * <p>Why verb first: the noun rules read many frequent verb forms as abbreviations or rare nouns
     * ({@code was}→{@code wa}, {@code has}→{@code ha}, {@code does}→{@code doe}), while the verb rules only
     * touch {@code -s/-es/-ed/-ing} and verb.exc, so a noun without those endings falls through to the noun
     * pass ({@code geese}→{@code goose}, {@code mice}→{@code mouse}). The price: a noun in {@code -ing} or
     * {@code -s} with a verb sense takes the verb reading ({@code building}→{@code build},
     * {@code leaves}→{@code leave}), and a word that is itself a verb lemma is kept as such
     * ({@code better} stays {@code better}, not {@code good}). Tag the text when that matters.
     *
     * @param word a lower-case word
     * @return its lemma, or {@code word} when WordNet has none
     */
    public String lemmatizeUntagged(String word) {
        return lemmatizeFirstKnown(word, UNTAGGED_ORDER);
    }

    /**
     * The lemma under the first part of speech of {@code order} for which morphy is not empty, or
     * {@code word}.
     *
     * @param word a lower-case word
     * @param order the parts of speech to try, in order
     * @return its lemma, or {@code word} when WordNet has none under any of them
     */
    public String lemmatizeFirstKnown(String word, List<PartOfSpeech> order) {
        for (PartOfSpeech pos : order) {
            String lemma = shortestLemma(word, pos);
            if (lemma != null) {
                return lemma;
            }
        }
        return word;
    }

    /**
     * Every candidate lemma of {@code word} as {@code pos}, in NLTK's order and without duplicates: the
     * list {@code WordNetCorpusReader._morphy(word, pos)} returns.
     *
     * @param word a lower-case word
     * @param pos the part of speech to read it as
     * @return the candidates, possibly empty
     */
    public List<String> morphy(String word, PartOfSpeech pos) {
        List<String> result = new ArrayList<>(2);
        runMorphy(word, pos, result);
        return List.copyOf(result);
    }

    /**
     * Whether {@code lemma} is in WordNet's {@code pos} index (case-sensitive; lemmas are lower case).
     *
     * @param lemma a lower-case lemma
     * @param pos the index to look in
     * @return true when WordNet lists it
     */
    public boolean isLemma(String lemma, PartOfSpeech pos) {
        return data.isLemma(lemma, pos);
    }

    @Override
    public String toString() {
        return "WordNetLemmatizer[WordNet 3.0 (" + WordNetData.DATA_COORDINATES + "), nouns="
                + data.lemmaCount(PartOfSpeech.NOUN) + ", verbs=" + data.lemmaCount(PartOfSpeech.VERB)
                + ", adjectives=" + data.lemmaCount(PartOfSpeech.ADJECTIVE) + ", adverbs="
                + data.lemmaCount(PartOfSpeech.ADVERB) + "]";
    }

    /** The first shortest morphy candidate, or null; allocates no list on the common paths. */
    private String shortestLemma(String word, PartOfSpeech pos) {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(pos, "pos");
        if (word.length() > MAX_WORD_LENGTH) {
            return null;
        }
        ShortestCollector shortest = new ShortestCollector();
        runMorphy(word, pos, shortest);
        return shortest.best;
    }

    /** Receives morphy's candidates in order. */
    private interface Sink {
        void accept(String lemma);

        boolean isEmpty();
    }

    /** Keeps the first candidate of minimal length (Python's min(..., key=len)). */
    private static final class ShortestCollector implements Sink {
        String best;

        @Override
        public void accept(String lemma) {
            if (best == null || lemma.length() < best.length()) {
                best = lemma;
            }
        }

        @Override
        public boolean isEmpty() {
            return best == null;
        }
    }

    private void runMorphy(String word, PartOfSpeech pos, List<String> out) {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(pos, "pos");
        if (word.length() > MAX_WORD_LENGTH) {
            return;
        }
        runMorphy(word, pos, new Sink() {
            @Override
            public void accept(String lemma) {
                if (!out.contains(lemma)) {
                    out.add(lemma);
                }
            }

            @Override
            public boolean isEmpty() {
                return out.isEmpty();
            }
        });
    }

    private void runMorphy(String word, PartOfSpeech pos, Sink sink) {
        // 0. The exception list; when the word has an entry the rules are not tried.
        String[] bases = data.exceptions(word, pos);
        if (bases != null) {
            offer(word, pos, sink);
            for (String base : bases) {
                offer(base, pos, sink);
            }
            return;
        }
        String[][] rules = rules(pos);
        // 1-2. Apply the rules once; keep the word itself and those forms that are lemmas.
        List<String> forms = applyRules(List.of(word), rules);
        offer(word, pos, sink);
        for (String form : forms) {
            offer(form, pos, sink);
        }
        // 3. Keep applying the rules until some forms are lemmas or no rule applies.
        while (sink.isEmpty() && !forms.isEmpty()) {
            forms = applyRules(forms, rules);
            for (String form : forms) {
                offer(form, pos, sink);
            }
        }
    }

    private void offer(String form, PartOfSpeech pos, Sink sink) {
        if (data.isLemma(form, pos)) {
            sink.accept(form);
        }
    }

    /**
     * Every rule applied to every form, in order. Duplicates are dropped (keeping the first): it changes
     * neither the candidates nor their order, and keeps pathological inputs from growing exponentially.
     */
    private static List<String> applyRules(List<String> forms, String[][] rules) {
        List<String> next = new ArrayList<>(4);
        for (String form : forms) {
            for (String[] rule : rules) {
                String old = rule[0];
                if (form.endsWith(old)) {
                    String derived = form.substring(0, form.length() - old.length()).concat(rule[1]);
                    if (!next.contains(derived)) {
                        next.add(derived);
                    }
                }
            }
        }
        return next;
    }

    private static String[][] rules(PartOfSpeech pos) {
        return switch (pos) {
            case NOUN -> NOUN_RULES;
            case VERB -> VERB_RULES;
            case ADJECTIVE -> ADJECTIVE_RULES;
            case ADVERB -> ADVERB_RULES;
        };
    }
}
