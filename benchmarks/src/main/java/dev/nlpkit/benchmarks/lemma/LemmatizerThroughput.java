package dev.nlpkit.benchmarks.lemma;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import dev.nlpkit.preprocess.corpus.DelimitedFormat;
import dev.nlpkit.preprocess.corpus.DelimitedTextReader;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.preprocess.lemma.LemmaMode;
import dev.nlpkit.preprocess.lemma.LemmatizerFilter;
import dev.nlpkit.preprocess.lemma.WordNetLemmatizer;

/**
 * A single-thread throughput measurement of {@link WordNetLemmatizer} on the tokens of the
 * 215,470 Sentiment140 tweets (lower-cased runs of letters and apostrophes). Run with the command line's
 * class path: {@code java -cp examples/target/nlpkit.jar dev.nlpkit.benchmarks.lemma.LemmatizerThroughput
 * <combined.csv.gz>}.
 * Prints one line per mode: tokens, seconds, tokens/s (best of 5 passes after 2 warm-up passes).
 */
public final class LemmatizerThroughput {

    private LemmatizerThroughput() {
    }

    /** Tweets (pre-split, lower case) through WhitespaceTokenizer, with and without the lemmatizer filter. */
    private static String filterThroughput(List<String> texts, WordNetLemmatizer wn) throws IOException {
        StringBuilder out = new StringBuilder();
        for (boolean lemmatize : new boolean[] {false, true}) {
            long best = Long.MAX_VALUE;
            long count = 0;
            WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
            TokenStream chain = lemmatize ? new LemmatizerFilter(tokenizer, wn, LemmaMode.NOUN) : tokenizer;
            CharTermAttribute term = chain.addAttribute(CharTermAttribute.class);
            for (int pass = 0; pass < 7; pass++) {
                count = 0;
                long start = System.nanoTime();
                for (String text : texts) {
                    tokenizer.setReader(new StringReader(text));
                    chain.reset();
                    while (chain.incrementToken()) {
                        count += term.length() > 0 ? 1 : 0;
                    }
                    chain.end();
                    chain.close();
                }
                long elapsed = System.nanoTime() - start;
                if (pass >= 2) {
                    best = Math.min(best, elapsed);
                }
            }
            out.append(String.format(Locale.ROOT, "WhitespaceTokenizer%s: %d tokens in %.3f s = %,.0f tokens/s%n",
                    lemmatize ? " -> LemmatizerFilter(NOUN)" : "", count, best / 1e9, count / (best / 1e9)));
        }
        return out.toString();
    }

    /** Runs the measurement on {@code args[0]} (the combined Sentiment140 CSV) and prints the lines. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "../shared/data/sentiment140-combined/combined.csv.gz");
        Pattern word = Pattern.compile("[a-z']+");
        List<String> tokens = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        try (DelimitedTextReader reader = DelimitedTextReader.open(file, DelimitedFormat.csv(), ReadOptions.defaults())) {
            for (LabelledText row : reader) {
                Matcher m = word.matcher(row.text().toLowerCase(Locale.ROOT));
                StringBuilder text = new StringBuilder();
                while (m.find()) {
                    tokens.add(m.group());
                    text.append(m.group()).append(' ');
                }
                texts.add(text.toString());
            }
        }
        String[] all = tokens.toArray(String[]::new);
        long t0 = System.nanoTime();
        WordNetLemmatizer wn = WordNetLemmatizer.load();
        long loadNanos = System.nanoTime() - t0;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "load: %.3f s; tokens: %d%n", loadNanos / 1e9, all.length));
        for (Map.Entry<String, LemmaMode> mode : Map.of("noun", LemmaMode.NOUN, "verb", LemmaMode.VERB,
                "untagged", LemmaMode.UNTAGGED).entrySet()) {
            long best = Long.MAX_VALUE;
            long checksum = 0;
            for (int pass = 0; pass < 7; pass++) {
                long start = System.nanoTime();
                for (String token : all) {
                    checksum += wn.lemmatize(token, mode.getValue()).length();
                }
                long elapsed = System.nanoTime() - start;
                if (pass >= 2) {
                    best = Math.min(best, elapsed);
                }
            }
            out.append(String.format(Locale.ROOT, "%s: %d tokens in %.3f s = %,.0f tokens/s (checksum %d)%n",
                    mode.getKey(), all.length, best / 1e9, all.length / (best / 1e9), checksum));
        }
        out.append(filterThroughput(texts, wn));
        System.out.print(out);
    }
}
