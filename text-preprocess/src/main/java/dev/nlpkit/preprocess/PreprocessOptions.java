package dev.nlpkit.preprocess;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.stop.StopWords;

/**
 * Immutable configuration of a {@link TextPreprocessor}. Stages run in this order: character normalization,
 * tokenizer, ASCII folding, elongation squeezing, lower-casing, per-type actions (after lower-casing, so
 * placeholders stay as configured), removal of non-letter tokens, length limits, stop words, lemmatization,
 * stemming.
 *
 * <pre>{@code
 * PreprocessOptions o = PreprocessOptions.tweets()
 *         .withStemmer(Stemmer.PORTER)
 *         .withAction(TokenType.NUMBER, TokenAction.DROP);
 * }</pre>
 *
 * @param normalization          character and token normalization
 * @param tokenizer              which tokenizer starts the pipeline
 * @param actions                what to do per token type (missing types: KEEP)
 * @param placeholders           the replacement term per type, used where the action is REPLACE
 * @param lowercase              lower-case every token except emoticons
 * @param removeNonLetterTokens  drop tokens without a letter (except emoticons)
 * @param minLength              shortest token kept, in code points (>= 1)
 * @param maxLength              longest token kept, in code points
 * @param stopWords              the stop list ({@link #NO_STOP_WORDS} for none); compared after lower-casing
 * @param keepNegations          keep negations ({@link StopWords#NEGATIONS}, words ending in n't) although listed
 * @param stemmer                the stemmer
 * @param lemmatization          the WordNet lemmatization stage (before the stemmer; usually one or the other)
 * @param partOfSpeechTagger     the name of the part-of-speech tagger of {@link Lemmatization#POS}
 *                               ({@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers}), or {@code ""} for any
 *                               other lemmatization. A name, not the tagger: options are a plain value that a
 *                               model file stores, and the tagger is code (often with a model of its own) that
 *                               the program loading the model supplies
 */
public record PreprocessOptions(Normalization normalization, TokenizerKind tokenizer,
                                Map<TokenType, TokenAction> actions, Map<TokenType, String> placeholders,
                                boolean lowercase, boolean removeNonLetterTokens, int minLength, int maxLength,
                                StopWords stopWords, boolean keepNegations, Stemmer stemmer,
                                Lemmatization lemmatization, String partOfSpeechTagger) {

    /** The empty stop list. */
    public static final StopWords NO_STOP_WORDS = StopWords.of("none", java.util.List.of());

    /** The default placeholder of each type. */
    public static final Map<TokenType, String> DEFAULT_PLACEHOLDERS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            TokenType.WORD, "<word>", TokenType.URL, "<url>", TokenType.EMAIL, "<email>",
            TokenType.MENTION, "<user>", TokenType.HASHTAG, "<hashtag>", TokenType.EMOTICON, "<emoticon>",
            TokenType.NUMBER, "<number>", TokenType.PUNCT, "<punct>")));

    /**
     * Fills in missing actions (KEEP) and placeholders (the defaults), then checks the options.
     *
     * @throws NullPointerException when an option other than a boolean or length is null
     * @throws IllegalArgumentException when UNWRAP is asked for a type other than HASHTAG or MENTION, REPLACE has no
     *                                  placeholder, or the lengths are not {@code 1 <= minLength <= maxLength}
     */
    public PreprocessOptions {
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(actions, "actions");
        Objects.requireNonNull(placeholders, "placeholders");
        Objects.requireNonNull(stopWords, "stopWords (use PreprocessOptions.NO_STOP_WORDS for none)");
        Objects.requireNonNull(stemmer, "stemmer");
        Objects.requireNonNull(lemmatization, "lemmatization");
        Objects.requireNonNull(partOfSpeechTagger, "partOfSpeechTagger (\"\" for none)");
        if (lemmatization == Lemmatization.POS) {
            if (partOfSpeechTagger.isEmpty()) {
                throw new IllegalArgumentException("lemmatization POS needs the name of a part-of-speech tagger: use "
                        + "withPartOfSpeechLemmatization(name)");
            }
            dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers.checkName(partOfSpeechTagger);
        } else if (!partOfSpeechTagger.isEmpty()) {
            throw new IllegalArgumentException("a part-of-speech tagger ('" + partOfSpeechTagger + "') is used by "
                    + "lemmatization POS only, not " + lemmatization);
        }
        EnumMap<TokenType, TokenAction> a = new EnumMap<>(TokenType.class);
        for (TokenType t : TokenType.values()) {
            a.put(t, Objects.requireNonNullElse(actions.get(t), TokenAction.KEEP));
        }
        EnumMap<TokenType, String> p = new EnumMap<>(DEFAULT_PLACEHOLDERS);
        p.putAll(placeholders);
        for (var e : a.entrySet()) {
            if (e.getValue() == TokenAction.UNWRAP && e.getKey() != TokenType.HASHTAG
                    && e.getKey() != TokenType.MENTION) {
                throw new IllegalArgumentException("UNWRAP applies to HASHTAG and MENTION only, not to " + e.getKey());
            }
            String ph = p.get(e.getKey());
            if (e.getValue() == TokenAction.REPLACE && (ph == null || ph.isEmpty())) {
                throw new IllegalArgumentException("REPLACE for " + e.getKey() + " needs a non-empty placeholder");
            }
        }
        if (minLength < 1 || maxLength < minLength) {
            throw new IllegalArgumentException("need 1 <= minLength <= maxLength, got minLength=" + minLength
                    + ", maxLength=" + maxLength);
        }
        actions = Collections.unmodifiableMap(a);
        placeholders = Collections.unmodifiableMap(p);
    }

    /**
     * Options without a part-of-speech tagger (any lemmatization but {@link Lemmatization#POS}).
     *
     * @param normalization          character and token normalization
     * @param tokenizer              which tokenizer starts the pipeline
     * @param actions                what to do per token type (missing types: KEEP)
     * @param placeholders           the replacement term per type, used where the action is REPLACE
     * @param lowercase              lower-case every token except emoticons
     * @param removeNonLetterTokens  drop tokens without a letter (except emoticons)
     * @param minLength              shortest token kept, in code points (>= 1)
     * @param maxLength              longest token kept, in code points
     * @param stopWords              the stop list ({@link #NO_STOP_WORDS} for none)
     * @param keepNegations          keep negations although the stop list has them
     * @param stemmer                the stemmer
     * @param lemmatization          the WordNet lemmatization stage
     * @see #PreprocessOptions(Normalization, TokenizerKind, Map, Map, boolean, boolean, int, int, StopWords,
     *      boolean, Stemmer, Lemmatization, String)
     */
    public PreprocessOptions(Normalization normalization, TokenizerKind tokenizer, Map<TokenType, TokenAction> actions,
            Map<TokenType, String> placeholders, boolean lowercase, boolean removeNonLetterTokens, int minLength,
            int maxLength, StopWords stopWords, boolean keepNegations, Stemmer stemmer, Lemmatization lemmatization) {
        this(normalization, tokenizer, actions, placeholders, lowercase, removeNonLetterTokens, minLength, maxLength,
                stopWords, keepNegations, stemmer, lemmatization, "");
    }

    /**
     * Same as {@link #tweets()}.
     *
     * @return the tweets preset
     */
    public static PreprocessOptions defaults() {
        return tweets();
    }

    /**
     * The sentiment default for tweets: entities, NFKC, apostrophes, whitespace, elongation cut to 3; the tweet
     * tokenizer; URL, EMAIL, MENTION and NUMBER replaced by {@code <url> <email> <user> <number>}; hashtags
     * unwrapped to their word; punctuation dropped; emoticons kept; lower-case; NLTK's English stop words
     * <em>keeping negations</em>; no stemming (add one with {@link #withStemmer}).
     *
     * @return the tweets preset
     */
    public static PreprocessOptions tweets() {
        EnumMap<TokenType, TokenAction> a = new EnumMap<>(TokenType.class);
        a.put(TokenType.URL, TokenAction.REPLACE);
        a.put(TokenType.EMAIL, TokenAction.REPLACE);
        a.put(TokenType.MENTION, TokenAction.REPLACE);
        a.put(TokenType.NUMBER, TokenAction.REPLACE);
        a.put(TokenType.HASHTAG, TokenAction.UNWRAP);
        a.put(TokenType.PUNCT, TokenAction.DROP);
        return new PreprocessOptions(Normalization.tweets(), TokenizerKind.TWEET, a, Map.of(), true, false, 1,
                Integer.MAX_VALUE, StopWords.nltkEnglish(), true, Stemmer.NONE, Lemmatization.NONE);
    }

    /**
     * Prose: entities, NFKC and whitespace; Lucene's StandardTokenizer (which drops punctuation); lower-case;
     * NLTK's English stop words; Porter2 (Snowball English).
     *
     * @return the English prose preset
     */
    public static PreprocessOptions english() {
        return new PreprocessOptions(Normalization.prose(), TokenizerKind.STANDARD, Map.of(), Map.of(), true, false,
                1, Integer.MAX_VALUE, StopWords.nltkEnglish(), false, Stemmer.PORTER2, Lemmatization.NONE);
    }

    /**
     * The course chain, nothing more: word tokenization as NLTK's {@code word_tokenize} -> lower-case ->
     * NLTK's English stop words -> Porter. No normalization, punctuation kept (as in the course).
     *
     * @return the course preset
     */
    public static PreprocessOptions lesson() {
        return new PreprocessOptions(Normalization.none(), TokenizerKind.TREEBANK, Map.of(), Map.of(), true, false,
                1, Integer.MAX_VALUE, StopWords.nltkEnglish(), false, Stemmer.PORTER, Lemmatization.NONE);
    }

    /**
     * With other normalization.
     *
     * @param n the character and token normalization
     * @return a copy with {@code normalization} replaced
     */
    public PreprocessOptions withNormalization(Normalization n) {
        return new PreprocessOptions(n, tokenizer, actions, placeholders, lowercase, removeNonLetterTokens,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With another tokenizer.
     *
     * @param t the tokenizer that starts the pipeline
     * @return a copy with {@code tokenizer} replaced
     */
    public PreprocessOptions withTokenizer(TokenizerKind t) {
        return new PreprocessOptions(normalization, t, actions, placeholders, lowercase, removeNonLetterTokens,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * The same options with {@code action} for tokens of {@code type}.
     *
     * @param type a token type
     * @param action keep, drop, replace by a placeholder, or unwrap (hashtags and mentions only)
     * @return a copy with that action
     */
    public PreprocessOptions withAction(TokenType type, TokenAction action) {
        EnumMap<TokenType, TokenAction> a = new EnumMap<>(actions);
        a.put(type, action);
        return new PreprocessOptions(normalization, tokenizer, a, placeholders, lowercase, removeNonLetterTokens,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * The same options with REPLACE by {@code placeholder} for tokens of {@code type}.
     *
     * @param type a token type
     * @param placeholder the term that replaces its tokens, not empty (for example {@code <url>})
     * @return a copy with that action and placeholder
     */
    public PreprocessOptions withPlaceholder(TokenType type, String placeholder) {
        EnumMap<TokenType, String> p = new EnumMap<>(placeholders);
        p.put(type, placeholder);
        EnumMap<TokenType, TokenAction> a = new EnumMap<>(actions);
        a.put(type, TokenAction.REPLACE);
        return new PreprocessOptions(normalization, tokenizer, a, p, lowercase, removeNonLetterTokens,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * Drops punctuation tokens (PUNCT: DROP).
     *
     * @return a copy with that action
     */
    public PreprocessOptions withoutPunctuation() {
        return withAction(TokenType.PUNCT, TokenAction.DROP);
    }

    /**
     * Drops number tokens (NUMBER: DROP).
     *
     * @return a copy with that action
     */
    public PreprocessOptions withoutNumbers() {
        return withAction(TokenType.NUMBER, TokenAction.DROP);
    }

    /**
     * With lower-casing on or off.
     *
     * @param on true to lower-case every token except emoticons
     * @return a copy with {@code lowercase} replaced
     */
    public PreprocessOptions withLowercase(boolean on) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, on, removeNonLetterTokens,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With removal of letterless tokens on or off.
     *
     * @param on true to drop tokens without a letter (emoticons stay)
     * @return a copy with {@code removeNonLetterTokens} replaced
     */
    public PreprocessOptions withRemoveNonLetterTokens(boolean on) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase, on,
                minLength, maxLength, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With other token length bounds.
     *
     * @param min the shortest token kept, in code points, >= 1
     * @param max the longest token kept, in code points, >= {@code min}
     * @return a copy with {@code minLength} and {@code maxLength} replaced
     */
    public PreprocessOptions withLength(int min, int max) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, min, max, stopWords, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With another stop list.
     *
     * @param s the stop list; {@link #NO_STOP_WORDS} for none
     * @return a copy with {@code stopWords} replaced
     */
    public PreprocessOptions withStopWords(StopWords s) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, minLength, maxLength, s, keepNegations, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With negations kept or not.
     *
     * @param on true to keep negations even when the stop list has them
     * @return a copy with {@code keepNegations} replaced
     */
    public PreprocessOptions withKeepNegations(boolean on) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, minLength, maxLength, stopWords, on, stemmer, lemmatization, partOfSpeechTagger);
    }

    /**
     * With another stemmer.
     *
     * @param s the stemmer, or {@link Stemmer#NONE}
     * @return a copy with {@code stemmer} replaced
     */
    public PreprocessOptions withStemmer(Stemmer s) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, minLength, maxLength, stopWords, keepNegations, s, lemmatization, partOfSpeechTagger);
    }

    /**
     * The same options with lemmatization {@code l}; for {@link Lemmatization#POS}, the tagger these options
     * already name (use {@link #withPartOfSpeechLemmatization(String)} to name one).
      *
     * @param l the lemmatization stage, or {@link Lemmatization#NONE}
     * @return a copy with {@code lemmatization} replaced
     */
    public PreprocessOptions withLemmatization(Lemmatization l) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, minLength, maxLength, stopWords, keepNegations, stemmer, l,
                l == Lemmatization.POS ? partOfSpeechTagger : "");
    }

    /**
     * The same options lemmatizing each word with the part of speech the tagger registered as {@code tagger}
     * gives it ({@link Lemmatization#POS}); the tagger must be registered in
     * {@link dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers} when a pipeline is built from these options.
     *
     * @param tagger the tagger's name, e.g. {@code smile-hmm}
     * @return the options
     */
    public PreprocessOptions withPartOfSpeechLemmatization(String tagger) {
        return new PreprocessOptions(normalization, tokenizer, actions, placeholders, lowercase,
                removeNonLetterTokens, minLength, maxLength, stopWords, keepNegations, stemmer, Lemmatization.POS,
                tagger);
    }

    /**
     * The stop list the pipeline actually applies ({@code keepNegations} taken into account).
     *
     * @return the stop list, without negations when {@code keepNegations} is set
     */
    public StopWords effectiveStopWords() {
        return keepNegations ? stopWords.withoutNegations() : stopWords;
    }
}
