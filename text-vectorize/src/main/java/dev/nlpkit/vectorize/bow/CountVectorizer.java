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

    /**
     * Fits the vocabulary on {@code documents}, streaming them once (in parallel chunks for a list).
     *
     * @param documents tokenized documents; a random-access list is counted in parallel, any other iterable streamed
     *                  once
     * @param options n-grams, count mode, pruning and threads
     * @return the fitted vectorizer
     */
    public static CountVectorizer fit(Iterable<? extends List<String>> documents, CountOptions options) {
        return new CountVectorizer(options,
                Counting.fit(documents, options.maxNgram(), options.vocabulary(), options.threads()));
    }

    /**
     * Fits on {@code documents}, then transforms them.
     *
     * @param documents tokenized documents, iterated twice unless a random-access list
     * @param options n-grams, count mode, pruning and threads
     * @return the fitted vectorizer and the count matrix of {@code documents}, one row per document
     */
    public static Fitted<CountVectorizer> fitTransform(Iterable<? extends List<String>> documents,
                                                       CountOptions options) {
        return Counting.fitTransform(documents, options.maxNgram(), options.vocabulary(), options.threads(),
                vocabulary -> new CountVectorizer(options, vocabulary), vectorizer -> vectorizer.weigher);
    }

    @Override
    public CsrMatrix transform(List<? extends List<String>> documents) {
        return transform(documents, null);
    }

    /**
     * As {@link #transform(List)}, adding what was seen (unknown terms, empty rows) to {@code stats}.
     *
     * @param documents tokenized documents
     * @param stats receives the counts of documents, terms, unknown terms and empty rows
     * @return the count matrix, one row per document, one column per vocabulary term
     */
    public CsrMatrix transform(List<? extends List<String>> documents, TokenStats stats) {
        return Counting.transform(vocabulary, options.maxNgram(), documents, weigher, options.threads(), stats);
    }

    /**
     * Transforms any iterable of documents on the calling thread, streaming.
     *
     * @param documents tokenized documents, iterated once
     * @param stats receives the counts of documents, terms, unknown terms and empty rows
     * @return the count matrix, one row per document, one column per vocabulary term
     */
    public CsrMatrix transformStreaming(Iterable<? extends List<String>> documents, TokenStats stats) {
        return Counting.transformStreaming(vocabulary, options.maxNgram(), documents, weigher, stats, -1);
    }

    /**
     * The row of one document.
     *
     * @param document the document's tokens
     * @return its counts, one column per vocabulary term; unknown terms are ignored
     */
    public SparseRow transformDocument(List<String> document) {
        return Counting.transform(vocabulary, options.maxNgram(), List.of(document), weigher, 1, null).row(0);
    }

    /**
     * The fitted vocabulary: column {@code c} is the term {@code vocabulary().term(c)}.
     *
     * @return the vocabulary
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The options this vectorizer was fitted with.
     *
     * @return the options
     */
    public CountOptions options() {
        return options;
    }

    /**
     * Saves options and vocabulary to {@code path} atomically.
     *
     * @param path the file to write; an existing file is replaced only once the new one is complete
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path path) throws IOException {
        AtomicFiles.writeText(path, this::write);
    }

    /**
     * Loads a vectorizer saved by {@link #save}; a malformed or newer file gets an error naming the line.
     *
     * @param path the saved file
     * @return the vectorizer, transforming as the one saved
     * @throws IOException when the file cannot be read, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line
     */
    public static CountVectorizer load(Path path) throws IOException {
        return LineReader.readUtf8(path, CountVectorizer::read);
    }

    /**
     * Writes the vectorizer section (header, options, vocabulary, then {@code end}).
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        out.write(KIND + "\t" + VERSION + "\n");
        out.write("maxNgram=" + options.maxNgram() + "\n");
        out.write("mode=" + options.mode() + "\n");
        out.write("threads=" + options.threads() + "\n");
        OptionsText.write(out, options.vocabulary());
        vocabulary.write(out);
        out.write("end\n");
    }

    /**
     * Reads a vectorizer section written by {@link #write}.
     *
     * @param in the reader, positioned at the section's header line
     * @return the vectorizer
     * @throws IOException when reading fails, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line and field
     */
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
