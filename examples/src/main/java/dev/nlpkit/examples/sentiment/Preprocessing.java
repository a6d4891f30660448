package dev.nlpkit.examples.sentiment;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;

/**
 * The preprocessing choices of a sentiment run, saved in the model bundle so that {@code predict} applies exactly
 * what training applied: a text-preprocess preset, an optional stemmer override, lemmatization (none, WordNet
 * as nouns, or WordNet with the part of speech from Smile's HMM tagger), and two switches that turn off parts of
 * the preset's filtering (its stop-word list, its dropping of punctuation).
 *
 * <p>Why the switches: the presets are made for bag-of-words features, where stop words and punctuation are
 * noise; a sequence model reads them in order, and words such as "but", "too", "very", "off" (all on NLTK's list)
 * and "!" change the sentiment of what follows.
 *
 * @param preset          the text-preprocess preset
 * @param stemmer         the stemmer, overriding the preset's; {@link Stemmer#NONE} when lemmatizing
 * @param lemmatization   how tokens are lemmatized (a stage of the chain)
 * @param keepStopWords   true: no stop-word filter (the preset's list is not applied)
 * @param keepPunctuation true: punctuation tokens are kept (the tweet preset drops them)
 */
public record Preprocessing(Preset preset, Stemmer stemmer, Lemmatization lemmatization, boolean keepStopWords,
        boolean keepPunctuation) {

    /** The text-preprocess presets. */
    public enum Preset {
        /** The course chain: Treebank words, lower-case, NLTK stop words, Porter. */
        LESSON,
        /** Tweets: placeholders for URLs, users and numbers, hashtags unwrapped, stop words kept for negations. */
        TWEETS,
        /** Prose: standard tokenizer, stop words, Porter2. */
        ENGLISH;

        public PreprocessOptions options() {
            return switch (this) {
                case LESSON -> PreprocessOptions.lesson();
                case TWEETS -> PreprocessOptions.tweets();
                case ENGLISH -> PreprocessOptions.english();
            };
        }
    }

    /** Lemmatization, a stage of the chain after stop-word removal. */
    public enum Lemmatization {
        /** None. */
        NONE,
        /** WordNet, every token as a noun (NLTK's {@code WordNetLemmatizer().lemmatize(w)} default). */
        NOUN,
        /** WordNet, with the part of speech Smile's HMM tagger gives each token (mapped to n/v/a/r). */
        POS
    }

    public Preprocessing {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(stemmer, "stemmer");
        Objects.requireNonNull(lemmatization, "lemmatization");
        if (lemmatization != Lemmatization.NONE && stemmer != Stemmer.NONE) {
            throw new IllegalArgumentException("choose stemming or lemmatization, not both (stemmer " + stemmer
                    + ", lemmatization " + lemmatization + "): a stem is not a word WordNet knows");
        }
    }

    /** The preset's own stemmer and filters, no lemmatization. */
    public static Preprocessing of(Preset preset) {
        return new Preprocessing(preset, preset.options().stemmer(), Lemmatization.NONE, false, false);
    }

    /** {@code tweets}, as the sentiment workflow uses by default. */
    public static Preprocessing defaults() {
        return of(Preset.TWEETS);
    }

    public Preprocessing withStemmer(Stemmer value) {
        return new Preprocessing(preset, value, lemmatization, keepStopWords, keepPunctuation);
    }

    /** Lemmatization; the stemmer is switched off (they exclude each other). */
    public Preprocessing withLemmatization(Lemmatization value) {
        return new Preprocessing(preset, value == Lemmatization.NONE ? stemmer : Stemmer.NONE, value, keepStopWords,
                keepPunctuation);
    }

    /** With ({@code true}) or without the preset's stop-word filter. */
    public Preprocessing withKeepStopWords(boolean value) {
        return new Preprocessing(preset, stemmer, lemmatization, value, keepPunctuation);
    }

    /** With ({@code true}) or without the preset's dropping of punctuation. */
    public Preprocessing withKeepPunctuation(boolean value) {
        return new Preprocessing(preset, stemmer, lemmatization, keepStopWords, value);
    }

    /**
     * The text-preprocess options: the preset with this stemmer, these switches and this lemmatization (POS: the
     * chain's {@link SmileHmmTagger} stage before the lemmatizer).
     */
    public PreprocessOptions options() {
        PreprocessOptions options = preset.options().withStemmer(stemmer);
        options = switch (lemmatization) {
            case NONE -> options;
            case NOUN -> options.withLemmatization(dev.nlpkit.preprocess.Lemmatization.NOUN);
            case POS -> options.withPartOfSpeechLemmatization(SmileHmmTagger.NAME);
        };
        if (keepStopWords) {
            options = options.withStopWords(PreprocessOptions.NO_STOP_WORDS);
        }
        if (keepPunctuation) {
            options = options.withAction(TokenType.PUNCT, TokenAction.KEEP);
        }
        return options;
    }

    /** {@code key=value} lines, the bundle's "preprocessing" section. */
    public String toText() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("preset", preset.name().toLowerCase(Locale.ROOT));
        lines.put("stemmer", stemmer.name().toLowerCase(Locale.ROOT));
        lines.put("lemmatization", lemmatization.name().toLowerCase(Locale.ROOT));
        lines.put("keep_stop_words", Boolean.toString(keepStopWords));
        lines.put("keep_punctuation", Boolean.toString(keepPunctuation));
        StringBuilder text = new StringBuilder("preprocessing\t1\n");
        lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    /**
     * Parses {@link #toText()}; the error names the bad line. The two switches may be absent (bundles written
     * before they existed): absent means the preset's own filtering.
     */
    public static Preprocessing parse(String text, String source) {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].startsWith("preprocessing\t")) {
            throw new IllegalArgumentException(source + ": expected the header 'preprocessing<TAB>1'");
        }
        int version = Integer.parseInt(lines[0].substring("preprocessing\t".length()).strip());
        if (version > 1) {
            throw new IllegalArgumentException(source + ": preprocessing format " + version
                    + " is newer than this nlpkit reads (1); upgrade nlpkit");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(source + ": line " + (i + 1) + " is not key=value: " + lines[i]);
            }
            values.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        try {
            return new Preprocessing(Preset.valueOf(upper(values, "preset", source)),
                    Stemmer.valueOf(upper(values, "stemmer", source)),
                    Lemmatization.valueOf(upper(values, "lemmatization", source)),
                    flag(values, "keep_stop_words", source), flag(values, "keep_punctuation", source));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    private static boolean flag(Map<String, String> values, String key, String source) {
        String value = values.getOrDefault(key, "false");
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(source + ": '" + key + "' must be true or false, got '"
                    + value + "'");
        };
    }

    private static String upper(Map<String, String> values, String key, String source) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": missing '" + key + "'");
        }
        return value.toUpperCase(Locale.ROOT);
    }
}
