package dev.nlpkit.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.lucene.analysis.AbstractAnalysisFactory;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Raw text in, clean tokens out. Thread-safe: one instance serves any number of threads (the underlying
 * Lucene {@link Analyzer} keeps one set of pipeline components per thread).
 *
 * <pre>{@code
 * TextPreprocessor pre = TextPreprocessor.tweets();
 * pre.tokens("@bob I don't LOVE it!!! &lt;3 http://t.co/x #fail");
 *     // [<user>, don't, love, <3, <url>, fail]
 * pre.typedTokens("so gooood :)");     // [Token[term=goood, type=WORD, ...], Token[term=:), type=EMOTICON, ...]]
 * TextPreprocessor.of(PreprocessOptions.tweets().withStemmer(Stemmer.PORTER)).tokensBatch(tweets, 2);
 * System.out.println(pre);            // the chain, stage by stage
 * }</pre>
 *
 * <p>Open for extension: {@link #builder(PreprocessOptions)} places the user's own Lucene token filters at
 * named {@link InsertionPoint}s of the preset chain; they show in {@link #stages()} under their name, and
 * {@link #tokens}, {@link #typedTokens} (custom token types included) and {@link #tokensBatch} work as usual.
 *
 * <pre>{@code
 * TextPreprocessor pre = TextPreprocessor.builder(PreprocessOptions.tweets().withStemmer(Stemmer.PORTER))
 *         .addStage(InsertionPoint.BEFORE_STEMMING, "ProtectBrands",
 *                 in -> new SetKeywordMarkerFilter(in, brands))    // brands: a CharArraySet
 *         .build();
 * }</pre>
 */
public final class TextPreprocessor implements AutoCloseable {

    private static final String FIELD = "text";
    private static final int BATCH_CHUNK = 256;

    private final PreprocessOptions options;
    private final PreprocessAnalyzer analyzer;

    private TextPreprocessor(PreprocessOptions options, List<UserStage> userStages) {
        this.options = options;
        this.analyzer = new PreprocessAnalyzer(options, userStages);
    }

    /**
     * A preprocessor with the given options.
     *
     * @param options the preset chain
     * @return the preprocessor; WordNet is loaded here when {@code options} lemmatize
     */
    public static TextPreprocessor of(PreprocessOptions options) {
        return new TextPreprocessor(Objects.requireNonNull(options, "options"), List.of());
    }

    /**
     * A builder of a preprocessor running the chain of {@code options} plus user stages.
     *
     * @param options the preset chain
     * @return a builder; {@link Builder#build()} with no stage added equals {@link #of(PreprocessOptions)}
     */
    public static Builder builder(PreprocessOptions options) {
        return new Builder(Objects.requireNonNull(options, "options"));
    }

    /**
     * The sentiment default for tweets.
     *
     * @return a preprocessor with {@link PreprocessOptions#tweets()}
     */
    public static TextPreprocessor tweets() {
        return of(PreprocessOptions.tweets());
    }

    /**
     * Prose.
     *
     * @return a preprocessor with {@link PreprocessOptions#english()}
     */
    public static TextPreprocessor english() {
        return of(PreprocessOptions.english());
    }

    /**
     * The course chain.
     *
     * @return a preprocessor with {@link PreprocessOptions#lesson()}
     */
    public static TextPreprocessor lesson() {
        return of(PreprocessOptions.lesson());
    }

    /**
     * The terms of {@code text}, in order.
     *
     * @param text the document
     * @return its terms after every stage
     */
    public List<String> tokens(String text) {
        Objects.requireNonNull(text, "text");
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a String cannot fail; got " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The tokens of {@code text} with their types and offsets in {@code text}. A custom type set by a user
     * stage is kept in {@link Token#luceneType()}.
     *
     * @param text the document
     * @return its tokens after every stage, offsets in {@code text}
     */
    public List<Token> typedTokens(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(Token.ofLucene(term.toString(), type.type(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a String cannot fail; got " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * {@link #tokens(String)} of every text, in input order, on {@code threads} platform threads (created for
     * the call). Texts are handed out in chunks of 256, so uneven lengths balance. The result is the same for
     * any number of threads.
     *
     * @param texts   the documents; none may be null
     * @param threads 1 runs in the calling thread
     * @return the terms of each text, in input order
     */
    public List<List<String>> tokensBatch(List<String> texts, int threads) {
        Objects.requireNonNull(texts, "texts");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = texts.size();
        // one slot per text; threads write disjoint slots, Thread.join publishes them
        List<List<String>> results = new ArrayList<>(java.util.Collections.nCopies(n, (List<String>) null));
        if (threads == 1 || n <= BATCH_CHUNK) {
            for (int i = 0; i < n; i++) {
                results.set(i, tokens(element(texts, i)));
            }
            return results;
        }
        AtomicInteger nextChunk = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int chunk;
            while (failure.get() == null && (chunk = nextChunk.getAndIncrement()) * BATCH_CHUNK < n) {
                int from = chunk * BATCH_CHUNK;
                int to = Math.min(n, from + BATCH_CHUNK);
                try {
                    for (int i = from; i < to; i++) {
                        results.set(i, tokens(element(texts, i)));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        int workers = Math.min(threads, (n + BATCH_CHUNK - 1) / BATCH_CHUNK);
        Thread[] pool = new Thread[workers - 1];
        for (int t = 0; t < pool.length; t++) {
            pool[t] = Thread.ofPlatform().name("nlpkit-preprocess-" + (t + 1)).daemon().start(worker);
        }
        worker.run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for preprocessing threads", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return results;
    }

    private static String element(List<String> texts, int i) {
        String t = texts.get(i);
        if (t == null) {
            throw new NullPointerException("texts[" + i + "] is null");
        }
        return t;
    }

    /**
     * The pipeline as a Lucene {@link Analyzer}, for use in Lucene-based systems.
     *
     * @return the analyzer (closed by {@link #close()})
     */
    public Analyzer analyzer() {
        return analyzer;
    }

    /**
     * The options of the preset chain (user stages are not part of them).
     *
     * @return the options this preprocessor was built from
     */
    public PreprocessOptions options() {
        return options;
    }

    /**
     * The stages, in order, e.g. {@code [Normalize(...), TweetTokenizer, ...]}; a user stage appears under
     * its name at its insertion point.
     *
     * @return the stage descriptions, unmodifiable
     */
    public List<String> stages() {
        return analyzer.stages();
    }

    /** Releases the per-thread components. */
    @Override
    public void close() {
        analyzer.close();
    }

    /** The chain, e.g. {@code TextPreprocessor[NormalizingCharFilter(...) -> TweetTokenizer -> ...]}. */
    @Override
    public String toString() {
        return "TextPreprocessor[" + analyzer + "]";
    }

    /**
     * Builds a {@link TextPreprocessor} from the preset chain of a {@link PreprocessOptions} plus user stages.
     * A user stage is a factory of a Lucene {@code TokenFilter}: Lucene calls it once per thread that uses the
     * pipeline (components are reused per thread), so it must return a <em>new</em> filter wrapping its
     * argument each time, as a constructor reference ({@code LowerCaseFilter::new}) does. A filter that keeps
     * offsets as it finds them keeps them pointing into the original text.
     */
    public static final class Builder {

        private final PreprocessOptions options;
        private final List<UserStage> stages = new ArrayList<>();

        private Builder(PreprocessOptions options) {
            this.options = options;
        }

        /**
         * Adds a user stage; stages added at the same point run in the order they were added.
         *
         * @param point  where in the chain
         * @param name   the name shown in {@link TextPreprocessor#stages()} and {@code toString()}; not blank
         * @param filter wraps the stream in the user's filter, e.g. {@code in -> new MyFilter(in)}
         * @return this builder
         */
        public Builder addStage(InsertionPoint point, String name, Function<TokenStream, ? extends TokenStream> filter) {
            stages.add(new UserStage(point, name, filter));
            return this;
        }

        /**
         * Adds a Lucene {@link TokenFilterFactory} as a user stage, e.g. one found by name with
         * {@code TokenFilterFactory.forName("synonymGraph", args)}. It is named by its SPI name and its
         * parameters, e.g. {@code length(max=20, min=2)}.
         *
         * @param point   where in the chain
         * @param factory the factory; its {@code create} is called once per thread
         * @return this builder
         */
        public Builder addStage(InsertionPoint point, TokenFilterFactory factory) {
            Objects.requireNonNull(factory, "factory");
            return addStage(point, describe(factory), factory::create);
        }

        /**
         * The preprocessor.
         *
         * @return a new preprocessor; WordNet is loaded here when the options lemmatize
         */
        public TextPreprocessor build() {
            return new TextPreprocessor(options, stages);
        }

        private static String describe(TokenFilterFactory factory) {
            String name;
            try {
                name = TokenFilterFactory.findSPIName(factory.getClass());
            } catch (RuntimeException e) {
                // a factory class without a NAME field (not registered for SPI): its class name will do
                name = factory.getClass().getSimpleName();
            }
            Map<String, String> args = new TreeMap<>(factory.getOriginalArgs());
            args.remove(AbstractAnalysisFactory.LUCENE_MATCH_VERSION_PARAM);
            if (args.isEmpty()) {
                return name;
            }
            StringBuilder sb = new StringBuilder(name).append('(');
            String sep = "";
            for (Map.Entry<String, String> e : args.entrySet()) {
                sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = ", ";
            }
            return sb.append(')').toString();
        }
    }
}
