package dev.nlpkit.preprocess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.lucene.analysis.Analyzer;
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
 */
public final class TextPreprocessor implements AutoCloseable {

    private static final String FIELD = "text";
    private static final int BATCH_CHUNK = 256;

    private final PreprocessOptions options;
    private final PreprocessAnalyzer analyzer;

    private TextPreprocessor(PreprocessOptions options) {
        this.options = options;
        this.analyzer = new PreprocessAnalyzer(options);
    }

    /** A preprocessor with the given options. */
    public static TextPreprocessor of(PreprocessOptions options) {
        return new TextPreprocessor(Objects.requireNonNull(options, "options"));
    }

    /** {@link PreprocessOptions#tweets()}. */
    public static TextPreprocessor tweets() {
        return of(PreprocessOptions.tweets());
    }

    /** {@link PreprocessOptions#english()}. */
    public static TextPreprocessor english() {
        return of(PreprocessOptions.english());
    }

    /** {@link PreprocessOptions#lesson()}. */
    public static TextPreprocessor lesson() {
        return of(PreprocessOptions.lesson());
    }

    /** The terms of {@code text}, in order. */
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

    /** The tokens of {@code text} with their types and offsets in {@code text}. */
    public List<Token> typedTokens(String text) {
        Objects.requireNonNull(text, "text");
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(FIELD, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            TypeAttribute type = ts.addAttribute(TypeAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), TokenType.ofLuceneType(type.type()), offset.startOffset(),
                        offset.endOffset()));
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

    /** The pipeline as a Lucene {@link Analyzer}, for use in Lucene-based systems. */
    public Analyzer analyzer() {
        return analyzer;
    }

    public PreprocessOptions options() {
        return options;
    }

    /** The stages, in order, e.g. {@code [NormalizingCharFilter(...), TweetTokenizer, ...]}. */
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
}
