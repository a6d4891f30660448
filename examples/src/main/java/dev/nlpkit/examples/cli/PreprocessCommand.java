package dev.nlpkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.nlpkit.examples.sentiment.Preprocessing;
import dev.nlpkit.examples.sentiment.SmileHmmTagger;
import dev.nlpkit.preprocess.Lemmatization;
import dev.nlpkit.preprocess.PreprocessOptions;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.TokenAction;
import dev.nlpkit.preprocess.TokenType;
import dev.nlpkit.preprocess.TokenizerKind;
import dev.nlpkit.preprocess.lemma.PartOfSpeech;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers;
import dev.nlpkit.preprocess.stop.StopWords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit preprocess}: text to tokens with every text-preprocess option, plus POS-aware lemmatization. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = {"Text to tokens (text-preprocess): one line of tokens per text.",
            "Texts come from the arguments, or one per line from stdin. Start from a preset and change any stage; "
                + "--lemmatize pos tags the tokens with Smile's HMM part-of-speech tagger and lemmatizes each with "
                + "its WordNet part of speech."})
public final class PreprocessCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "Texts; none: read stdin, one text per line.")
    List<String> texts = new ArrayList<>();

    @Option(names = "--preset", defaultValue = "tweets",
            description = "Starting point: tweets, english or lesson. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--tokenizer", description = "tweet, standard or treebank (default: the preset's).")
    String tokenizer;

    @Option(names = "--stemmer",
            description = "none, porter, porter2, kstem or english-minimal (default: the preset's).")
    String stemmer;

    @Option(names = "--lemmatize", defaultValue = "none",
            description = "none, noun (WordNet, every token a noun) or pos (WordNet with Smile's HMM tags). "
                    + "Switches stemming off. Default: ${DEFAULT-VALUE}.")
    String lemmatize;

    @Option(names = "--stop-words",
            description = "nltk, lucene, snowball, smart, none, or a file with one word per line (default: the preset's).")
    String stopWords;

    @Option(names = "--keep-negations", negatable = true,
            description = "Keep not, no, never, n't... although they are stop words (default: the preset's).")
    Boolean keepNegations;

    @Option(names = "--lowercase", negatable = true, description = "Lower-case tokens (default: the preset's).")
    Boolean lowercase;

    @Option(names = "--drop-punctuation", description = "Drop punctuation tokens.")
    boolean dropPunctuation;

    @Option(names = "--drop-numbers", description = "Drop number tokens.")
    boolean dropNumbers;

    @Option(names = "--min-length", description = "Shortest token kept, in characters (default: the preset's).")
    Integer minLength;

    @Option(names = "--max-length", description = "Longest token kept, in characters (default: the preset's).")
    Integer maxLength;

    @Option(names = "--explain", description = "Show the chain and, with --lemmatize pos, each token's tag and lemma.")
    boolean explain;

    @Override
    public Integer call() {
        PreprocessOptions options = options();
        Preprocessing.Lemmatization lemmatization = Choices.lemmatization(lemmatize);
        PreprocessOptions chain = switch (lemmatization) {
            case NONE -> options;
            case NOUN -> options.withStemmer(dev.nlpkit.preprocess.Stemmer.NONE)
                    .withLemmatization(Lemmatization.NOUN);
            case POS -> options.withStemmer(dev.nlpkit.preprocess.Stemmer.NONE)
                    .withPartOfSpeechLemmatization(SmileHmmTagger.NAME);
        };
        PrintWriter out = spec.commandLine().getOut();
        try (TextPreprocessor pre = TextPreprocessor.of(chain);
             TextPreprocessor untagged = TextPreprocessor.of(chain.withLemmatization(Lemmatization.NONE))) {
            if (explain) {
                out.println("chain: " + pre);
            }
            for (String text : TextArguments.textsOrStdin(texts, spec.commandLine().getErr())) {
                if (explain && lemmatization == Preprocessing.Lemmatization.POS) {
                    explainTags(text, pre, untagged, out);
                } else {
                    out.println(String.join(" ", pre.tokens(text)));
                }
            }
        }
        out.flush();
        return 0;
    }

    /**
     * Each token of {@code text} as it reaches the tagger stage, its Penn tag, WordNet part of speech (words only)
     * and the lemma the chain gives it. The lemmatizer neither drops nor adds tokens, so the chain without its last two
     * stages and the whole chain align one to one; the tags come from the same registered tagger the stage calls
     * (deterministic), asked again here only to show them.
     */
    private static void explainTags(String text, TextPreprocessor pre, TextPreprocessor untagged, PrintWriter out) {
        out.println(text);
        List<String> tokens = new ArrayList<>();
        List<Boolean> words = new ArrayList<>();
        for (dev.nlpkit.preprocess.Token t : untagged.typedTokens(text)) {
            tokens.add(t.term());
            words.add(t.type() == TokenType.WORD); // the others (placeholders, emoticons) are not lemmatized
        }
        List<String> lemmas = pre.tokens(text);
        String[] tags = tokens.isEmpty() ? new String[0]
                : PartOfSpeechTaggers.get(SmileHmmTagger.NAME).tag(tokens.toArray(String[]::new));
        for (int i = 0; i < tokens.size(); i++) {
            String tag = tags[i] == null ? "" : tags[i];
            String pos = !words.get(i) ? "-"
                    : PartOfSpeech.fromPennTag(tag).map(p -> p.name().toLowerCase(Locale.ROOT)).orElse("-");
            out.printf(Locale.ROOT, "  %-18s %-5s %-10s %s%n", tokens.get(i), tag, pos, lemmas.get(i));
        }
    }

    PreprocessOptions options() {
        PreprocessOptions o = Choices.preset(preset).options();
        if (tokenizer != null) {
            o = o.withTokenizer(Choices.parse(TokenizerKind.class, "--tokenizer", tokenizer));
        }
        if (stemmer != null) {
            o = o.withStemmer(Choices.stemmer(stemmer));
        }
        if (stopWords != null) {
            o = o.withStopWords(stopList(stopWords));
        }
        if (keepNegations != null) {
            o = o.withKeepNegations(keepNegations);
        }
        if (lowercase != null) {
            o = o.withLowercase(lowercase);
        }
        if (dropPunctuation) {
            o = o.withAction(TokenType.PUNCT, TokenAction.DROP);
        }
        if (dropNumbers) {
            o = o.withAction(TokenType.NUMBER, TokenAction.DROP);
        }
        if (minLength != null || maxLength != null) {
            o = o.withLength(minLength != null ? minLength : o.minLength(), maxLength != null ? maxLength : o.maxLength());
        }
        return o;
    }

    private static StopWords stopList(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "nltk" -> StopWords.nltkEnglish();
            case "lucene" -> StopWords.luceneEnglish();
            case "snowball" -> StopWords.snowballEnglish();
            case "smart" -> StopWords.smart();
            case "none" -> PreprocessOptions.NO_STOP_WORDS;
            default -> StopWords.fromFile(Path.of(name));
        };
    }
}
