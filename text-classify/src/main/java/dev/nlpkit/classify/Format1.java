package dev.nlpkit.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nlpkit.classify.io.BundleFormatException;
import dev.nlpkit.classify.io.ModelBundle;
import dev.nlpkit.embeddings.Word2VecOptions;
import dev.nlpkit.preprocess.Lemmatization;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.Stemmer;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;
import dev.nlpkit.preprocess.TokenizerKind;
import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.stop.StopWords;
import dev.nlpkit.recurrent.layers.BidirectionalOptions;
import dev.nlpkit.recurrent.layers.DropoutOptions;
import dev.nlpkit.recurrent.layers.EmbeddingOptions;
import dev.nlpkit.recurrent.layers.Layer;
import dev.nlpkit.recurrent.layers.LayerOptions;
import dev.nlpkit.recurrent.layers.RecurrentOptions;
import dev.nlpkit.recurrent.model.History;
import dev.nlpkit.recurrent.model.Sequential;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.label.LabelEncoder;
import dev.nlpkit.vectorize.sequence.Padding;
import dev.nlpkit.vectorize.sequence.SequenceEncoder;
import dev.nlpkit.vectorize.sequence.SequenceOptions;
import dev.nlpkit.vectorize.sequence.Truncation;
import dev.nlpkit.vectorize.sequence.UnknownTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * Reads the bundles of format 1, written by {@code nlpkit sentiment train} before text-classify existed. Their
 * {@code preprocessing} section names a preset ({@code tweets}, {@code english}, {@code lesson}) plus a stemmer,
 * a lemmatization and two switches; the presets are spelled out here as they were when format 1 was written, so
 * a later change of {@link PreprocessOptions#tweets()} cannot change how an old bundle tokenizes. The network of
 * a format-1 bundle masks id 0 itself and was trained on pre-padded rows, so it is fed padded rows.
 */
final class Format1 {

    /** The tagger name of format 1's "pos" lemmatization (Smile's HMM tagger, registered by the command line). */
    static final String SMILE_TAGGER = "smile-hmm";

    private Format1() {
    }

    static TextClassifier read(ModelBundle bundle, String source) throws IOException {
        PreprocessOptions preprocess = preprocessing(bundle.text("preprocessing"), source + "#preprocessing");
        SequenceOptions sequence = sequence(bundle.text("sequence"), source + "#sequence");
        Vocabulary vocabulary = BundleCodec.section(source, "vocabulary", () -> Vocabulary.read(
                new LineReader(new BufferedReader(bundle.reader("vocabulary")), source + "#vocabulary")));
        LabelEncoder labels = BundleCodec.section(source, "labels", () -> LabelEncoder.read(
                new LineReader(new BufferedReader(bundle.reader("labels")), source + "#labels")));
        Sequential network = BundleCodec.section(source, "network", () -> Sequential.load(bundle.buffer("network")));
        SequenceEncoder encoder = BundleCodec.section(source, "sequence", () -> SequenceEncoder.of(vocabulary,
                sequence));
        TextClassifierOptions options = BundleCodec.section(source, "network",
                () -> options(preprocess, sequence, vocabulary, network));
        try {
            return new TextClassifier(options, encoder, labels, network, new History(List.of(), -1, false), false,
                    ModelInfo.notRecorded());
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(source + ": the sections do not fit together: " + e.getMessage(), e);
        } catch (IllegalStateException e) {
            // a part of the program is missing (a part-of-speech tagger nobody registered), not the file's fault
            throw new IllegalStateException(source + ": " + e.getMessage(), e);
        }
    }

    /** The preset as format 1 knew it, with the bundle's stemmer, lemmatization and switches. */
    static PreprocessOptions preprocessing(String text, String where) throws BundleFormatException {
        Map<String, String> values = keyValues(text, "preprocessing", where);
        String preset = require(values, "preset", where);
        PreprocessOptions options = switch (preset) {
            case "tweets" -> tweets();
            case "english" -> new PreprocessOptions(new Normalization(true, true, false, true, false, 0),
                    TokenizerKind.STANDARD, Map.of(), placeholders(), true, false, 1, Integer.MAX_VALUE,
                    StopWords.nltkEnglish(), false, Stemmer.PORTER2, Lemmatization.NONE);
            case "lesson" -> new PreprocessOptions(new Normalization(false, false, false, false, false, 0),
                    TokenizerKind.TREEBANK, Map.of(), placeholders(), true, false, 1, Integer.MAX_VALUE,
                    StopWords.nltkEnglish(), false, Stemmer.PORTER, Lemmatization.NONE);
            default -> throw new BundleFormatException(where + ": field 'preset': expected tweets, english or "
                    + "lesson, found '" + preset + "'");
        };
        String stemmer = require(values, "stemmer", where);
        try {
            options = options.withStemmer(Stemmer.valueOf(stemmer.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where + ": field 'stemmer': unknown stemmer '" + stemmer + "'");
        }
        String lemmatization = require(values, "lemmatization", where);
        options = switch (lemmatization) {
            case "none" -> options;
            // format 1 lemmatized the chain's word tokens as nouns with the same WordNet lemmatizer
            case "noun" -> options.withLemmatization(Lemmatization.NOUN);
            // format 1 tagged the chain's tokens with Smile's HMM tagger after the chain, then lemmatized the word
            // tokens: the same as the tagger stage, which the program supplies under this name (the command line does)
            case "pos" -> options.withPartOfSpeechLemmatization(SMILE_TAGGER);
            default -> throw new BundleFormatException(where + ": field 'lemmatization': expected none, noun or "
                    + "pos, found '" + lemmatization + "'");
        };
        // absent switches (bundles written before they existed) mean the preset's own filtering
        if (flag(values, "keep_stop_words", where)) {
            options = options.withStopWords(StopWords.of("none", List.of()));
        }
        if (flag(values, "keep_punctuation", where)) {
            options = options.withAction(TokenType.PUNCT, TokenAction.KEEP);
        }
        return options;
    }

    /** {@code PreprocessOptions.tweets()} of format 1. */
    private static PreprocessOptions tweets() {
        Map<TokenType, TokenAction> a = new EnumMap<>(TokenType.class);
        a.put(TokenType.URL, TokenAction.REPLACE);
        a.put(TokenType.EMAIL, TokenAction.REPLACE);
        a.put(TokenType.MENTION, TokenAction.REPLACE);
        a.put(TokenType.NUMBER, TokenAction.REPLACE);
        a.put(TokenType.HASHTAG, TokenAction.UNWRAP);
        a.put(TokenType.PUNCT, TokenAction.DROP);
        return new PreprocessOptions(new Normalization(true, true, true, true, false, 3), TokenizerKind.TWEET, a,
                placeholders(), true, false, 1, Integer.MAX_VALUE, StopWords.nltkEnglish(), true, Stemmer.NONE,
                Lemmatization.NONE);
    }

    /** The placeholders of format 1. */
    private static Map<TokenType, String> placeholders() {
        Map<TokenType, String> p = new EnumMap<>(TokenType.class);
        p.put(TokenType.WORD, "<word>");
        p.put(TokenType.URL, "<url>");
        p.put(TokenType.EMAIL, "<email>");
        p.put(TokenType.MENTION, "<user>");
        p.put(TokenType.HASHTAG, "<hashtag>");
        p.put(TokenType.EMOTICON, "<emoticon>");
        p.put(TokenType.NUMBER, "<number>");
        p.put(TokenType.PUNCT, "<punct>");
        return p;
    }

    static SequenceOptions sequence(String text, String where) throws BundleFormatException {
        Map<String, String> v = keyValues(text, "sequence", where);
        try {
            return new SequenceOptions(Integer.parseInt(require(v, "maxLength", where)),
                    Padding.valueOf(require(v, "padding", where)), Truncation.valueOf(require(v, "truncation", where)),
                    UnknownTokens.valueOf(require(v, "unknown", where)),
                    Integer.parseInt(require(v, "numWords", where)));
        } catch (IllegalArgumentException e) {
            throw new BundleFormatException(where + ": invalid sequence options: " + e.getMessage(), e);
        }
    }

    /**
     * The recipe of a format-1 bundle, as far as it can be read back: preprocessing and sequences exactly; the
     * network from its layers; the vocabulary's minimum count as its rarest word's count; Word2Vec as the
     * defaults with the embedding's dimension and the training as the defaults (format 1 did not record them).
     */
    private static TextClassifierOptions options(PreprocessOptions preprocess, SequenceOptions sequence,
            Vocabulary vocabulary, Sequential network) {
        long rarest = Long.MAX_VALUE;
        for (int id = vocabulary.reservedCount(); id < vocabulary.size(); id++) {
            rarest = Math.min(rarest, vocabulary.count(id));
        }
        int minCount = (int) Math.max(1, Math.min(Integer.MAX_VALUE, rarest == Long.MAX_VALUE ? 1 : rarest));
        TextClassifierOptions.Sequence seq = new TextClassifierOptions.Sequence(Math.max(1, sequence.maxLength()),
                sequence.padding(), sequence.truncation(), sequence.numWords(), sequence.unknown(), minCount);
        EmbeddingOptions embedding = null;
        double inputDropout = 0;
        RecurrentOptions recurrent = null;
        boolean bidirectional = false;
        int layers = 0;
        for (Layer layer : network.layers()) {
            LayerOptions o = layer.options();
            switch (o) {
                case EmbeddingOptions e -> embedding = e;
                case DropoutOptions d -> inputDropout = recurrent == null ? d.rate() : inputDropout;
                case RecurrentOptions r -> {
                    recurrent = r;
                    layers++;
                }
                case BidirectionalOptions b -> {
                    recurrent = b.layer();
                    bidirectional = true;
                    layers++;
                }
                default -> {
                }
            }
        }
        if (embedding == null || recurrent == null) {
            throw new IllegalArgumentException("the network is not Embedding -> recurrent -> Dense");
        }
        TextClassifierOptions.Network net = new TextClassifierOptions.Network(recurrent.cell(), recurrent.units(),
                layers, bidirectional, recurrent.dropout(), recurrent.recurrentDropout(), inputDropout);
        Word2VecOptions w2v = TextClassifierOptions.Word2VecSource.defaults().options()
                .withVectorSize(embedding.dimension());
        return new TextClassifierOptions(preprocess, seq, new TextClassifierOptions.Embedding(
                new TextClassifierOptions.Word2VecSource(w2v), embedding.trainable()), net,
                TextClassifierOptions.Training.defaults());
    }

    private static Map<String, String> keyValues(String text, String kind, String where) throws BundleFormatException {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].startsWith(kind + "\t")) {
            throw new BundleFormatException(where + ": expected the header '" + kind + "<TAB>1'");
        }
        String version = lines[0].substring(kind.length() + 1).strip();
        if (!version.equals("1")) {
            throw new BundleFormatException(where + ": " + kind + " format '" + version + "' is not 1, the only "
                    + "one format-1 bundles used");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq < 1) {
                throw new BundleFormatException(where + ": line " + (i + 1) + " is not key=value: " + lines[i]);
            }
            values.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        return values;
    }

    private static String require(Map<String, String> values, String key, String where) throws BundleFormatException {
        String v = values.get(key);
        if (v == null) {
            throw new BundleFormatException(where + ": field '" + key + "' is missing");
        }
        return v;
    }

    private static boolean flag(Map<String, String> values, String key, String where) throws BundleFormatException {
        String v = values.getOrDefault(key, "false");
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new BundleFormatException(where + ": field '" + key + "' must be true or false, got '"
                    + v + "'");
        };
    }
}
