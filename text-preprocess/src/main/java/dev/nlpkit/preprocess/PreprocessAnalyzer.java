package dev.nlpkit.preprocess;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import dev.nlpkit.preprocess.filter.CodePointLengthFilter;
import dev.nlpkit.preprocess.filter.NonLetterFilter;
import dev.nlpkit.preprocess.filter.StandardTypeFilter;
import dev.nlpkit.preprocess.filter.TypeAwareLowercaseFilter;
import dev.nlpkit.preprocess.filter.TypePolicyFilter;
import dev.nlpkit.preprocess.lemma.LemmatizerFilter;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTagger;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTaggerFilter;
import dev.nlpkit.preprocess.lemma.PartOfSpeechTaggers;
import dev.nlpkit.preprocess.lemma.WordNetLemmatizer;
import dev.nlpkit.preprocess.normalize.ElongationFilter;
import dev.nlpkit.preprocess.normalize.Normalization;
import dev.nlpkit.preprocess.normalize.NormalizingCharFilter;
import dev.nlpkit.preprocess.normalize.TextNormalizer;
import dev.nlpkit.preprocess.stem.Stemmers;
import dev.nlpkit.preprocess.stop.StopWords;
import dev.nlpkit.preprocess.tokenize.TreebankTokenizer;
import dev.nlpkit.preprocess.tokenize.TweetTokenizer;

/**
 * The pipeline as a Lucene {@link Analyzer}: a recipe built from {@link PreprocessOptions} and the user's
 * stages at their {@link InsertionPoint}s; Lucene builds its components once per thread and reuses them.
 * {@link #toString()} lists the chain.
 */
final class PreprocessAnalyzer extends Analyzer {

    private final PreprocessOptions options;
    private final TextNormalizer normalizer;
    private final CharArraySet stopSet;
    private final StopWords stopWords;
    private final boolean policyNeeded;
    private final List<String> stages;
    private final WordNetLemmatizer lemmatizer;
    private final PartOfSpeechTagger tagger;
    private final List<UserStage> userStages;

    PreprocessAnalyzer(PreprocessOptions options, List<UserStage> userStages) {
        this.options = options;
        this.userStages = List.copyOf(Objects.requireNonNull(userStages, "userStages"));
        Normalization n = options.normalization();
        this.normalizer = n.anyCharacterStep() ? new TextNormalizer(n) : null;
        this.stopWords = options.effectiveStopWords();
        this.stopSet = stopWords.size() > 0 ? stopWords.toCharArraySet() : null;
        this.policyNeeded = options.actions().values().stream().anyMatch(a -> a != TokenAction.KEEP);
        // loaded here, not per thread, so that missing WordNet data fails when the pipeline is built
        this.lemmatizer = options.lemmatization() == Lemmatization.NONE ? null : WordNetLemmatizer.load();
        // looked up here for the same reason: a tagger nobody registered fails before any text is read
        this.tagger = options.lemmatization() == Lemmatization.POS
                ? PartOfSpeechTaggers.get(options.partOfSpeechTagger()) : null;
        this.stages = describe();
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        // our own tokenizers normalize their buffer themselves (same algorithm, one copy less)
        return normalizer == null || options.tokenizer() != TokenizerKind.STANDARD ? reader
                : new NormalizingCharFilter(reader, normalizer);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = switch (options.tokenizer()) {
            case TWEET -> new TweetTokenizer(normalizer);
            case STANDARD -> new StandardTokenizer();
            case TREEBANK -> new TreebankTokenizer(normalizer);
        };
        TokenStream ts = source;
        if (options.tokenizer() == TokenizerKind.STANDARD) {
            ts = new StandardTypeFilter(ts);
        }
        ts = userStagesAt(InsertionPoint.AFTER_TOKENIZER, ts);
        Normalization n = options.normalization();
        if (n.asciiFolding()) {
            ts = new ASCIIFoldingFilter(ts);
        }
        if (n.elongationMaxRun() > 0) {
            ts = new ElongationFilter(ts, n.elongationMaxRun());
        }
        if (options.lowercase()) {
            ts = new TypeAwareLowercaseFilter(ts);
        }
        // after lower-casing, so that placeholders stay exactly as configured
        if (policyNeeded) {
            ts = new TypePolicyFilter(ts, options.actions(), options.placeholders());
        }
        if (options.removeNonLetterTokens()) {
            ts = new NonLetterFilter(ts);
        }
        if (options.minLength() > 1 || options.maxLength() < Integer.MAX_VALUE) {
            ts = new CodePointLengthFilter(ts, options.minLength(), options.maxLength());
        }
        ts = userStagesAt(InsertionPoint.BEFORE_STOP_WORDS, ts);
        if (stopSet != null) {
            ts = new StopFilter(ts, stopSet);
        }
        ts = userStagesAt(InsertionPoint.BEFORE_STEMMING, ts);
        if (tagger != null) {
            ts = new PartOfSpeechTaggerFilter(ts, tagger, options.partOfSpeechTagger());
        }
        if (options.lemmatization() != Lemmatization.NONE) {
            ts = new LemmatizerFilter(ts, lemmatizer, options.lemmatization().mode());
        }
        ts = Stemmers.wrap(ts, options.stemmer());
        ts = userStagesAt(InsertionPoint.END, ts);
        return new TokenStreamComponents(source, ts);
    }

    private TokenStream userStagesAt(InsertionPoint point, TokenStream ts) {
        for (UserStage stage : userStages) {
            if (stage.point() == point) {
                ts = stage.wrap(ts);
            }
        }
        return ts;
    }

    private void describeUserStagesAt(InsertionPoint point, List<String> s) {
        for (UserStage stage : userStages) {
            if (stage.point() == point) {
                s.add(stage.name());
            }
        }
    }

    private List<String> describe() {
        List<String> s = new ArrayList<>();
        Normalization n = options.normalization();
        if (normalizer != null) {
            List<String> steps = new ArrayList<>();
            if (n.htmlEntities()) {
                steps.add("htmlEntities");
            }
            if (n.nfkc()) {
                steps.add("NFKC");
            }
            if (n.unifyApostrophes()) {
                steps.add("apostrophes");
            }
            if (n.cleanWhitespace()) {
                steps.add("whitespace");
            }
            s.add("Normalize(" + String.join(", ", steps) + ")");
        }
        s.add(switch (options.tokenizer()) {
            case TWEET -> "TweetTokenizer";
            case STANDARD -> "StandardTokenizer";
            case TREEBANK -> "TreebankTokenizer(NLTK word_tokenize)";
        });
        if (options.tokenizer() == TokenizerKind.STANDARD) {
            s.add("StandardTypeFilter");
        }
        describeUserStagesAt(InsertionPoint.AFTER_TOKENIZER, s);
        if (n.asciiFolding()) {
            s.add("ASCIIFoldingFilter");
        }
        if (n.elongationMaxRun() > 0) {
            s.add("Elongation(maxRun=" + n.elongationMaxRun() + ")");
        }
        if (options.lowercase()) {
            s.add("Lowercase(except EMOTICON)");
        }
        if (policyNeeded) {
            s.add("TypePolicy(" + TypePolicyFilter.describe(options.actions(), options.placeholders()) + ")");
        }
        if (options.removeNonLetterTokens()) {
            s.add("RemoveNonLetterTokens(except EMOTICON)");
        }
        if (options.minLength() > 1 || options.maxLength() < Integer.MAX_VALUE) {
            s.add("Length(" + options.minLength() + ".." + options.maxLength() + ")");
        }
        describeUserStagesAt(InsertionPoint.BEFORE_STOP_WORDS, s);
        if (stopSet != null) {
            s.add("StopFilter(" + stopWords + ")");
        }
        describeUserStagesAt(InsertionPoint.BEFORE_STEMMING, s);
        if (tagger != null) {
            s.add("PartOfSpeechTagger(" + options.partOfSpeechTagger() + ")");
            s.add("LemmatizerFilter(WordNet 3.0, tagged part of speech)");
        } else if (options.lemmatization() != Lemmatization.NONE) {
            s.add("LemmatizerFilter(WordNet 3.0, " + options.lemmatization().mode() + ")");
        }
        if (options.stemmer() != Stemmer.NONE) {
            s.add(Stemmers.describe(options.stemmer()));
        }
        describeUserStagesAt(InsertionPoint.END, s);
        return List.copyOf(s);
    }

    List<String> stages() {
        return stages;
    }

    @Override
    public String toString() {
        return String.join(" -> ", stages);
    }
}
