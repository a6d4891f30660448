package dev.nlpkit.classify.linear;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import dev.nlpkit.vectorize.bow.TermFrequency;
import dev.nlpkit.vectorize.bow.TfidfOptions;
import dev.nlpkit.vectorize.bow.TfidfVectorizer;
import dev.nlpkit.vectorize.io.FileFormatException;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.matrix.SparseRow;
import dev.nlpkit.vectorize.vocab.TermOrder;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * A binary TF-IDF logistic regression on token lists: text-vectorize's {@link TfidfVectorizer} with scikit-learn's
 * weighting (smooth idf, L2 rows, n-grams 1..{@code maxNgram}, optionally sublinear tf; alphabetical columns) feeds
 * a {@link LogisticRegression} fitted by L-BFGS. On the same tokens it gives scikit-learn's
 * {@code make_pipeline(TfidfVectorizer(ngram_range=(1, 2)), LogisticRegression())} (a golden test checks the
 * coefficients and probabilities to 1e-6 against the minimiser of scikit-learn's objective).
 *
 * <pre>{@code
 * TfidfLogisticRegression lr = TfidfLogisticRegression.fit(tokens, classes, TfidfLogisticOptions.defaults());
 * double p = lr.probability(List.of("not", "bad", "at", "all"));     // P(class 1)
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #write} / {@link #read}: the ASCII line {@code nlpkit-tfidf-logistic<TAB>1},
 * the line {@code text=<bytes>}, that many bytes of UTF-8 text (the options as {@code key=value} lines, the fit's
 * iterations and convergence, then the vectorizer's own section), then {@code columns + 1} little-endian float64:
 * the coefficients in column order and the intercept. The doubles are stored exactly, so a read model gives the
 * same probabilities bit for bit.
 */
public final class TfidfLogisticRegression {

    static final String KIND = "nlpkit-tfidf-logistic";
    static final int VERSION = 1;

    private final TfidfLogisticOptions options;
    private final TfidfVectorizer vectorizer;
    private final LogisticRegression model;

    private TfidfLogisticRegression(TfidfLogisticOptions options, TfidfVectorizer vectorizer,
            LogisticRegression model) {
        this.options = options;
        this.vectorizer = vectorizer;
        this.model = model;
        if (model.columns() != vectorizer.vocabulary().size()) {
            throw new IllegalArgumentException("the model has " + model.columns() + " coefficients but the "
                    + "vectorizer " + vectorizer.vocabulary().size() + " columns");
        }
    }

    /**
     * Fits the vectorizer and the regression on the same token lists.
     *
     * @param documents the training texts' tokens
     * @param classes   the class of each document, 0 or 1, both present
     * @param options   n-grams, tf, pruning, C and the solver's stopping rule
     * @return the fitted model
     * @throws IllegalArgumentException before any fitting when the lengths differ, there are no documents, a class
     *                                  is not 0 or 1, one class only is present, or no n-gram is frequent enough to
     *                                  make a column (every document empty)
     */
    public static TfidfLogisticRegression fit(List<? extends List<String>> documents, int[] classes,
            TfidfLogisticOptions options) {
        Objects.requireNonNull(documents, "documents");
        Objects.requireNonNull(classes, "classes");
        Objects.requireNonNull(options, "options");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("the TF-IDF logistic regression needs training texts, got none");
        }
        if (documents.size() != classes.length) {
            throw new IllegalArgumentException("texts and classes differ in length: " + documents.size()
                    + " texts, " + classes.length + " classes");
        }
        int positives = 0;
        for (int i = 0; i < classes.length; i++) {
            if (classes[i] != 0 && classes[i] != 1) {
                throw new IllegalArgumentException("class " + i + " is " + classes[i] + "; expected 0 or 1");
            }
            positives += classes[i];
        }
        if (positives == 0 || positives == classes.length) {
            throw new IllegalArgumentException("the TF-IDF logistic regression needs both classes, but all "
                    + classes.length + " texts are class " + classes[0]);
        }
        var fitted = TfidfVectorizer.fitTransform(documents, tfidfOptions(options));
        if (fitted.vectorizer().vocabulary().size() == 0) {
            throw new IllegalArgumentException("the TF-IDF logistic regression has no column: no n-gram occurs at "
                    + "least " + options.minCount() + " times in the " + documents.size()
                    + " training texts (are they all empty after preprocessing?)");
        }
        LogisticRegression model = LogisticRegression.fit(fitted.matrix(), classes, options.c(), options.tolerance(),
                options.maxIterations());
        return new TfidfLogisticRegression(options, fitted.vectorizer(), model);
    }

    /** The vectorizer options these options mean: scikit-learn's TfidfVectorizer with the n-grams, tf and pruning. */
    static TfidfOptions tfidfOptions(TfidfLogisticOptions options) {
        return TfidfOptions.sklearn().withMaxNgram(options.maxNgram())
                .withTf(options.sublinearTf() ? TermFrequency.LOG : TermFrequency.RAW_COUNT)
                .withVocabulary(VocabularyOptions.defaults().withMinCount(options.minCount())
                        .withOrder(TermOrder.ALPHABETICAL))
                // a fixed count: it is saved with the vectorizer, and the values do not depend on it
                .withThreads(2);
    }

    /**
     * {@code P(class 1)} of one document.
     *
     * @param document its tokens (n-grams not in the vocabulary are ignored; an empty document gives
     *                 {@code sigmoid(intercept)})
     * @return the probability, in [0, 1]
     */
    public double probability(List<String> document) {
        return model.probability(vectorizer.transformDocument(document));
    }

    /**
     * {@code P(class 1)} of many documents.
     *
     * @param documents their tokens
     * @return one probability per document, in input order
     */
    public double[] probabilities(List<? extends List<String>> documents) {
        CsrMatrix x = vectorizer.transform(documents);
        double[] p = new double[x.rows()];
        for (int i = 0; i < p.length; i++) {
            p[i] = model.probability(x.row(i));
        }
        return p;
    }

    /**
     * The TF-IDF row of a document.
     *
     * @param document its tokens
     * @return its weights, one column per vocabulary term
     */
    public SparseRow row(List<String> document) {
        return vectorizer.transformDocument(document);
    }

    /**
     * The options it was fitted with.
     *
     * @return the options
     */
    public TfidfLogisticOptions options() {
        return options;
    }

    /**
     * The fitted vectorizer (columns: {@code vectorizer().vocabulary().term(c)}).
     *
     * @return the vectorizer
     */
    public TfidfVectorizer vectorizer() {
        return vectorizer;
    }

    /**
     * The fitted regression.
     *
     * @return the coefficients, intercept and fit report
     */
    public LogisticRegression model() {
        return model;
    }

    /**
     * The coefficient of one n-gram.
     *
     * @param term a unigram, or tokens joined by one space
     * @return its weight, or 0 when it has no column
     */
    public double coefficient(String term) {
        int column = vectorizer.vocabulary().indexOf(term);
        return column < 0 ? 0.0 : model.coefficient(column);
    }

    /**
     * Writes the model (format in the class comment) to {@code out}, flushed and not closed.
     *
     * @param out the stream
     * @throws IOException when writing fails
     */
    public void write(OutputStream out) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(text, StandardCharsets.UTF_8)) {
            w.write("maxNgram=" + options.maxNgram() + "\n");
            w.write("sublinearTf=" + options.sublinearTf() + "\n");
            w.write("minCount=" + options.minCount() + "\n");
            w.write("c=" + options.c() + "\n");
            w.write("tolerance=" + options.tolerance() + "\n");
            w.write("maxIterations=" + options.maxIterations() + "\n");
            w.write("iterations=" + model.iterations() + "\n");
            w.write("converged=" + model.converged() + "\n");
            vectorizer.write(w);
        }
        out.write((KIND + "\t" + VERSION + "\ntext=" + text.size() + "\n").getBytes(StandardCharsets.US_ASCII));
        text.writeTo(out);
        int columns = model.columns();
        ByteBuffer numbers = ByteBuffer.allocate(8 * (columns + 1)).order(ByteOrder.LITTLE_ENDIAN);
        for (int j = 0; j < columns; j++) {
            numbers.putDouble(model.coefficient(j));
        }
        numbers.putDouble(model.intercept());
        out.write(numbers.array());
        out.flush();
    }

    /**
     * Reads a model written by {@link #write}.
     *
     * @param in     the stream, positioned at the header (read to the model's end, not closed)
     * @param source the file or section, for messages
     * @return the model, predicting bit for bit as the one written
     * @throws IOException naming {@code source} when reading fails, the stream is truncated or holds a non-finite
     *                     number, or a {@link FileFormatException} (naming the line) for another kind, a newer
     *                     version or a malformed field
     */
    public static TfidfLogisticRegression read(InputStream in, String source) throws IOException {
        String header = asciiLine(in, source, "the header '" + KIND + "<TAB><version>'");
        String[] fields = header.split("\t", -1);
        if (fields.length != 2 || !fields[0].equals(KIND)) {
            throw new FileFormatException(source, 1, "not a " + KIND + " model: expected the header '" + KIND
                    + "<TAB><version>', found '" + (header.length() > 60 ? header.substring(0, 60) + "..." : header)
                    + "'");
        }
        int version;
        try {
            version = Integer.parseInt(fields[1]);
        } catch (NumberFormatException e) {
            throw new FileFormatException(source, 1, "the version is not a number: '" + fields[1] + "'");
        }
        if (version > VERSION || version < 1) {
            throw new FileFormatException(source, 1, "" + KIND + " format " + version + " is newer than this "
                    + "nlpkit reads (" + VERSION + "); upgrade nlpkit");
        }
        String length = asciiLine(in, source, "the line 'text=<bytes>'");
        int bytes;
        try {
            if (!length.startsWith("text=")) {
                throw new NumberFormatException();
            }
            bytes = Integer.parseInt(length.substring(5));
        } catch (NumberFormatException e) {
            throw new FileFormatException(source, 2, "expected 'text=<bytes>', found '" + length + "'");
        }
        byte[] text = in.readNBytes(bytes);
        if (text.length != bytes) {
            throw new IOException(source + ": truncated: " + text.length + " of " + bytes
                    + " bytes of text");
        }
        LineReader lines = new LineReader(new BufferedReader(new StringReader(
                new String(text, StandardCharsets.UTF_8))), source);
        int maxNgram = (int) lines.parseLong("maxNgram", lines.nextKeyValue("maxNgram"), 1, 1000);
        boolean sublinear = bool(lines, "sublinearTf");
        int minCount = (int) lines.parseLong("minCount", lines.nextKeyValue("minCount"), 1, Integer.MAX_VALUE);
        double c = lines.parseDouble("c", lines.nextKeyValue("c"));
        double tolerance = lines.parseDouble("tolerance", lines.nextKeyValue("tolerance"));
        int maxIterations = (int) lines.parseLong("maxIterations", lines.nextKeyValue("maxIterations"), 1,
                Integer.MAX_VALUE);
        int iterations = (int) lines.parseLong("iterations", lines.nextKeyValue("iterations"), 0, Integer.MAX_VALUE);
        boolean converged = bool(lines, "converged");
        TfidfLogisticOptions options;
        try {
            options = new TfidfLogisticOptions(maxNgram, sublinear, minCount, c, tolerance, maxIterations);
        } catch (IllegalArgumentException e) {
            throw lines.error("invalid options: " + e.getMessage());
        }
        TfidfVectorizer vectorizer = TfidfVectorizer.read(lines);
        int columns = vectorizer.vocabulary().size();
        byte[] raw = in.readNBytes(8 * (columns + 1));
        if (raw.length != 8 * (columns + 1)) {
            throw new IOException(source + ": truncated: " + raw.length + " of " + 8 * (columns + 1)
                    + " bytes of coefficients (" + columns + " columns and the intercept)");
        }
        ByteBuffer numbers = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        double[] w = new double[columns];
        for (int j = 0; j < columns; j++) {
            w[j] = finite(numbers.getDouble(), source, "coefficient " + j);
        }
        double b = finite(numbers.getDouble(), source, "the intercept");
        return new TfidfLogisticRegression(options, vectorizer, new LogisticRegression(w, b, iterations, converged));
    }

    private static boolean bool(LineReader lines, String key) throws IOException {
        String v = lines.nextKeyValue(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw lines.error("field '" + key + "': expected true or false, found '" + v + "'");
        }
        return Boolean.parseBoolean(v);
    }

    private static double finite(double value, String source, String what) throws IOException {
        if (!Double.isFinite(value)) {
            throw new IOException(source + ": " + what + " is " + value);
        }
        return value;
    }

    /** One line of ASCII, read byte by byte so that nothing after it is consumed. */
    private static String asciiLine(InputStream in, String source, String what) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            int c = in.read();
            if (c == -1) {
                throw new IOException(source + ": truncated: the stream ends before " + what);
            }
            if (c == '\n') {
                return b.toString();
            }
            b.append((char) c);
        }
        throw new IOException(source + ": expected " + what + ", found a line longer than 256 bytes");
    }

    @Override
    public String toString() {
        return "TfidfLogisticRegression[" + vectorizer + ", C=" + options.c() + ", iterations=" + model.iterations()
                + (model.converged() ? "" : " (not converged)") + "]";
    }
}
