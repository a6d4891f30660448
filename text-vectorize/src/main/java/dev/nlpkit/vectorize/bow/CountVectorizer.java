package dev.nlpkit.vectorize.bow;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.vectorize.DocumentTransformer;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.SparseRow;
import dev.nlpkit.vectorize.vocab.Vocabulary;

/**
 * A fitted bag-of-words vectorizer (scikit-learn's {@code CountVectorizer} on given tokens): cell
 * {@code (d, t)} of the {@code [documents, vocabulary.size()]} {@link CsrMatrix} is the number of times term
 * {@code t} occurs in document {@code d} ({@link CountMode#COUNTS}) or 1 when it occurs
 * ({@link CountMode#BINARY}). Terms are the n-grams for n = 1..{@code maxNgram}, tokens joined by one space; the
 * vocabulary keeps the {@code maxSize} most frequent ({@code max_features}). Unknown terms are ignored and
 * counted; an empty document gives an all-zero row. Immutable and thread-safe.
 *
 * <p>File format (UTF-8 text, version 1): {@code nlpkit-counts<TAB>1}, the options as {@code key=value} lines, the
 * vocabulary section, {@code end}.
 */
public final class CountVectorizer implements DocumentTransformer<CsrMatrix> {

    static final String KIND = "nlpkit-counts";
    static final int VERSION = 1;

    private final CountOptions options;
    private final Vocabulary vocabulary;
    private final Counting.RowWeigher weigher;

    private CountVectorizer(CountOptions options, Vocabulary vocabulary) {
        this.options = options;
        this.vocabulary = vocabulary;
        boolean binary = options.mode() == CountMode.BINARY;
        this.weigher = (columns, counts, n, documentTerms, out, offset) -> {
            for (int k = 0; k < n; k++) {
                out[offset + k] = binary ? 1f : counts[k];
            }
        };
    }

    /** Fits the vocabulary on {@code documents}, streaming them once (in parallel chunks for a list). */
    public static CountVectorizer fit(Iterable<? extends List<String>> documents, CountOptions options) {
        return new CountVectorizer(options,
                Counting.fit(documents, options.maxNgram(), options.vocabulary(), options.threads()));
    }

    /** Fits on {@code documents}, then transforms them. */
    public static Fitted<CountVectorizer> fitTransform(Iterable<? extends List<String>> documents,
                                                       CountOptions options) {
        return Counting.fitTransform(documents, options.maxNgram(), options.vocabulary(), options.threads(),
                vocabulary -> new CountVectorizer(options, vocabulary), vectorizer -> vectorizer.weigher);
    }

    @Override
    public CsrMatrix transform(List<? extends List<String>> documents) {
        return transform(documents, null);
    }

    /** As {@link #transform(List)}, adding what was seen (unknown terms, empty rows) to {@code stats}. */
    public CsrMatrix transform(List<? extends List<String>> documents, TokenStats stats) {
        return Counting.transform(vocabulary, options.maxNgram(), documents, weigher, options.threads(), stats);
    }

    /** Transforms any iterable of documents on the calling thread, streaming. */
    public CsrMatrix transformStreaming(Iterable<? extends List<String>> documents, TokenStats stats) {
        return Counting.transformStreaming(vocabulary, options.maxNgram(), documents, weigher, stats, -1);
    }

    /** The row of one document. */
    public SparseRow transformDocument(List<String> document) {
        return Counting.transform(vocabulary, options.maxNgram(), List.of(document), weigher, 1, null).row(0);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public CountOptions options() {
        return options;
    }

    public void save(Path path) throws IOException {
        AtomicFiles.writeText(path, this::write);
    }

    public static CountVectorizer load(Path path) throws IOException {
        return LineReader.readUtf8(path, CountVectorizer::read);
    }

    public void write(Writer out) throws IOException {
        out.write(KIND + "\t" + VERSION + "\n");
        out.write("maxNgram=" + options.maxNgram() + "\n");
        out.write("mode=" + options.mode() + "\n");
        out.write("threads=" + options.threads() + "\n");
        OptionsText.write(out, options.vocabulary());
        vocabulary.write(out);
        out.write("end\n");
    }

    public static CountVectorizer read(LineReader in) throws IOException {
        in.readHeader(KIND, VERSION);
        int maxNgram = (int) in.parseLong("maxNgram", in.nextKeyValue("maxNgram"), 1, 1000);
        CountMode mode = in.parseEnum("mode", in.nextKeyValue("mode"), CountMode.class);
        int threads = (int) in.parseLong("threads", in.nextKeyValue("threads"), 1, 4096);
        CountOptions options;
        try {
            options = new CountOptions(maxNgram, mode, OptionsText.read(in), threads);
        } catch (IllegalArgumentException e) {
            throw in.error("invalid options: " + e.getMessage());
        }
        Vocabulary vocabulary = Vocabulary.read(in);
        in.expect("end");
        return new CountVectorizer(options, vocabulary);
    }

    @Override
    public String toString() {
        return "CountVectorizer[mode=" + options.mode() + ", ngrams=1.." + options.maxNgram() + ", columns="
                + vocabulary.size() + "]";
    }
}
