package dev.nlpkit.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every pipeline passes (as Lucene's {@code BaseTokenStreamTestCase}): terms and types,
 * offsets inside the text that never go backwards, no empty tokens, the same output on repeated, concurrent
 * and batched calls, and random-input fuzzing (surrogates, control characters, entity and emoticon
 * fragments, 100k-character inputs) without exception or hang. Subclasses supply the pipeline.
 */
public abstract class PipelineContract {

    /** Realistic inputs: tweets and prose with the constructs the stages handle. */
    protected static final List<String> SAMPLES = List.of(
            "@bob I don't LOVE it!!! &lt;3 http://t.co/x #fail",
            "soooooo happyyyyy :D :-( ;) xD <3 ^_^ 20km 15,000 3.5 2day",
            "Check www.google.com and bit.ly/abc, mail me@x.com (really:)) U.S. well-known rock'n'roll",
            "I \u2764\uFE0F \uD83D\uDC4D\uD83C\uDFFD NY &amp; cafe\u0301 \uFB01ne  \u200B x",
            "&quot;Hello&quot; he said... ?! #1 @user_1: it's 10:30pm",
            "The quick brown fox can't jump over the lazy dog's 3 kennels.",
            "\"I'm not sure,\" she said -- (and then) she left; gonna cry.",
            "Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ and \t tabs\nnewlines\r\n",
            "",
            "   ",
            "...!!!???",
            "Is it (really) the end?)");

    protected TextPreprocessor preprocessor;

    /** The pipeline under test. */
    protected abstract PreprocessOptions options();

    /** The preprocessor under test: {@link #options()} as they are; override to add user stages. */
    protected TextPreprocessor createPreprocessor() {
        return TextPreprocessor.of(options());
    }

    /** Token types a user stage of the pipeline sets, besides ours. */
    protected Set<String> customTypes() {
        return Set.of();
    }

    @BeforeEach
    void open() {
        preprocessor = createPreprocessor();
    }

    @AfterEach
    void closePreprocessor() {
        preprocessor.close();
    }

    /** Asserts the per-document contract and returns the tokens. */
    protected static List<Token> checkContract(TextPreprocessor p, String text) {
        List<Token> tokens = p.typedTokens(text);
        int lastStart = 0;
        for (Token t : tokens) {
            // plain checks first: AssertJ per token is too slow for 100k-token inputs
            if (t.term().isEmpty() || t.end() > text.length() || t.start() < lastStart) {
                assertThat(t.term()).as("empty token in %s", tokens).isNotEmpty();
                assertThat(t.end()).as("end of %s", t).isBetween(t.start(), text.length());
                assertThat(t.start()).as("offsets went backwards at %s", t).isGreaterThanOrEqualTo(lastStart);
            }
            lastStart = t.start();
        }
        List<String> terms = p.tokens(text);
        if (terms.size() != tokens.size()) {
            assertThat(terms).containsExactlyElementsOf(tokens.stream().map(Token::term).toList());
        }
        for (int i = 0; i < terms.size(); i++) {
            if (!terms.get(i).equals(tokens.get(i).term())) {
                assertThat(terms.get(i)).as("token %d", i).isEqualTo(tokens.get(i).term());
            }
        }
        return tokens;
    }

    @Test
    void samplesSatisfyTheContract() {
        for (String s : SAMPLES) {
            checkContract(preprocessor, s);
        }
    }

    @Test
    void producesTokensOnRealText() {
        assertThat(preprocessor.tokens(SAMPLES.get(5))).isNotEmpty();
    }

    @Test
    void luceneConsumersSeeOnlyOurTypesAndTheFinalOffset() throws IOException {
        Set<String> ours = Stream.concat(Stream.of(TokenType.values()).map(Enum::name), customTypes().stream())
                .collect(Collectors.toSet());
        for (String s : SAMPLES) {
            try (TokenStream ts = preprocessor.analyzer().tokenStream("f", s)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                TypeAttribute type = ts.addAttribute(TypeAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    assertThat(term.length()).isPositive();
                    assertThat(type.type()).isIn(ours);
                }
                ts.end();
                assertThat(offset.endOffset()).as("final offset of %s", s).isEqualTo(s.length());
            }
        }
    }

    @Test
    void repeatedCallsGiveTheSameOutput() {
        for (String s : SAMPLES) {
            assertThat(preprocessor.typedTokens(s)).isEqualTo(preprocessor.typedTokens(s));
        }
    }

    @Test
    void concurrentCallsGiveTheSameOutputAsSequentialOnes() throws Exception {
        List<String> docs = fuzzTexts(new Random(7), 300, 80);
        List<List<Token>> expected = docs.stream().map(preprocessor::typedTokens).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Token>>>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Callable<List<List<Token>>> job = () -> docs.stream().map(preprocessor::typedTokens).toList();
                futures.add(pool.submit(job));
            }
            for (Future<List<List<Token>>> f : futures) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void batchEqualsOneByOneForAnyThreadCount() {
        List<String> docs = new ArrayList<>(fuzzTexts(new Random(11), 700, 60));
        docs.addAll(SAMPLES);
        List<List<String>> expected = docs.stream().map(preprocessor::tokens).toList();
        assertThat(preprocessor.tokensBatch(docs, 1)).isEqualTo(expected);
        assertThat(preprocessor.tokensBatch(docs, 2)).isEqualTo(expected);
        assertThat(preprocessor.tokensBatch(docs, 3)).isEqualTo(expected);
    }

    @Test
    void randomInputNeverBreaksTheContract() {
        Random random = new Random(20261126L);
        for (String s : fuzzTexts(random, 1500, 120)) {
            checkContract(preprocessor, s);
        }
    }

    @Test
    void hundredThousandCharacterInputsFinishQuickly() {
        Random random = new Random(99);
        List<String> huge = List.of(
                fuzzTexts(random, 1, 100_000).get(0),
                "a".repeat(100_000),
                "!".repeat(100_000),
                "x. " + " ".repeat(100_000) + "y",
                "&amp;".repeat(20_000),
                ":)".repeat(50_000),
                "http://" + "a(".repeat(50_000),
                "a.".repeat(50_000),
                "1.".repeat(50_000),
                "o_".repeat(50_000),
                "\uD83D\uDE02".repeat(50_000),
                "\uD800".repeat(100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (String s : huge) {
                checkContract(preprocessor, s);
            }
        });
    }

    private static final String[] FRAGMENTS = {"&amp;", "&#", "&#x1F600;", "&#99999999;", "&lt;3", "&quot", ":)",
        ":-(", ";D", "xD", "<3", "^_^", "http://", "https://t.co/", "www.", "@", "@user", "#", "#tag", "n't", "'",
        "\"", "``", "''", "...", "--", "\uFB01", "\u200B", "\uFEFF", "\u00AD", "\u200D", "\uFE0F", "e\u0301",
        "U.S.", "15,000", "3.5", "20km", ".", " ", "  ", "\t", "\n", "\r\n", "(", ")", "[", "]", "{", "}", "<", ">",
        "$", "%", "*", "can", "not", "gonna", "'s", "\u2019", "\u201C", "\u00AB", "me@x.com", ".com", "a-"};

    /** Random strings mixing ASCII, controls, Latin-1, marks, CJK, emoji, lone surrogates and fragments. */
    protected static List<String> fuzzTexts(Random random, int count, int maxLength) {
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = maxLength <= 1 ? maxLength : (count == 1 ? maxLength : random.nextInt(maxLength));
            StringBuilder sb = new StringBuilder(length + 16);
            while (sb.length() < length) {
                switch (random.nextInt(12)) {
                    case 0, 1, 2 -> sb.append((char) (' ' + random.nextInt(95)));
                    case 3 -> sb.append((char) random.nextInt(0x20));
                    case 4 -> sb.append((char) (0x7F + random.nextInt(0x180)));
                    case 5 -> sb.append((char) (0x300 + random.nextInt(0x70)));
                    case 6 -> sb.append((char) (0x4E00 + random.nextInt(0x100)));
                    case 7 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300));
                    case 8 -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                    case 9 -> sb.append((char) random.nextInt(0x10000));
                    default -> sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
