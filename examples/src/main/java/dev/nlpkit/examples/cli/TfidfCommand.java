package dev.nlpkit.examples.cli;

import dev.nlpkit.core.Threads;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import dev.nlpkit.examples.report.StageTimer;
import dev.nlpkit.examples.sentiment.Preprocessing;
import dev.nlpkit.preprocess.TextPreprocessor;
import dev.nlpkit.preprocess.corpus.CorpusReader;
import dev.nlpkit.preprocess.corpus.DelimitedFormat;
import dev.nlpkit.preprocess.corpus.DelimitedTextReader;
import dev.nlpkit.preprocess.corpus.LabelledText;
import dev.nlpkit.preprocess.corpus.LineDocumentReader;
import dev.nlpkit.preprocess.corpus.ReadOptions;
import dev.nlpkit.vectorize.bow.TermWeight;
import dev.nlpkit.vectorize.bow.TfidfOptions;
import dev.nlpkit.vectorize.bow.TfidfVectorizer;
import dev.nlpkit.vectorize.matrix.CsrMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit tfidf FILE}: TF-IDF of a corpus and the top terms of its documents. */
@Command(name = "tfidf", mixinStandardHelpOptions = true,
        description = {"TF-IDF of a corpus file (text-vectorize) and the top terms per document.",
            "FILE holds one document per line (plain, .gz or .zip), or, with --csv, a CSV/TSV with a header whose "
                + "text column is detected (text, tweet, ...)."})
public final class TfidfCommand implements Callable<Integer> {

    /** Which TF-IDF formulas. */
    enum Variant {
        /** The course: tf = count / words in the document, idf = log2(N / df), no normalisation. */
        LESSON,
        /** scikit-learn's TfidfVectorizer(): raw counts, idf = ln((1 + N) / (1 + df)) + 1, L2 rows. */
        SKLEARN
    }

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The corpus.")
    Path file;

    @Option(names = "--variant", defaultValue = "lesson",
            description = "lesson (the course's formulas) or sklearn (scikit-learn's defaults). Default: ${DEFAULT-VALUE}.")
    String variant;

    @Option(names = "--preset", defaultValue = "lesson",
            description = "Preprocessing preset: lesson, tweets or english. Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--top", defaultValue = "5", description = "Top terms shown per document. Default: ${DEFAULT-VALUE}.")
    int top;

    @Option(names = "--documents", defaultValue = "10",
            description = "How many documents to show (the first ones). Default: ${DEFAULT-VALUE}.")
    int documents;

    @Option(names = "--csv", description = "FILE is a CSV/TSV with a header; its text column is used.")
    boolean csv;

    @Mixin
    ReadFlags readFlags = new ReadFlags();

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("corpus file " + file + " does not exist or is not a file");
        }
        if (top < 1 || documents < 0) {
            throw new IllegalArgumentException("--top must be >= 1 and --documents >= 0");
        }
        Variant chosen = Choices.parse(Variant.class, "--variant", variant);
        PrintWriter out = spec.commandLine().getOut();
        StageTimer timer = StageTimer.start();
        List<String> texts = timer.time("read", () -> {
            List<String> read = new ArrayList<>();
            ReadOptions options = readFlags.apply(ReadOptions.defaults());
            try (CorpusReader reader = csv ? DelimitedTextReader.open(file, DelimitedFormat.forFile(file), options)
                    : LineDocumentReader.open(file, options)) {
                for (LabelledText row : reader) {
                    read.add(row.text());
                }
                ReadFlags.warn(reader.report(), spec.commandLine().getErr());
            }
            return read;
        });
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("corpus file " + file + " has no documents");
        }
        List<List<String>> tokens = timer.time("preprocess", () -> TextPreprocessor.of(
                Preprocessing.of(Choices.preset(preset)).options()).tokensBatch(texts, Threads.defaultCount()));
        TfidfOptions options = chosen == Variant.LESSON ? TfidfOptions.lesson() : TfidfOptions.sklearn();
        TfidfVectorizer tfidf = timer.time("tf-idf fit", () -> TfidfVectorizer.fit(tokens, options));
        CsrMatrix matrix = timer.time("tf-idf transform", () -> tfidf.transform(tokens));
        out.printf(Locale.ROOT, "TF-IDF (%s) of %s: %d documents, %d terms, %d non-zero weights%n",
                chosen == Variant.LESSON ? "lesson: tf = count / words, idf = log2(N / df), no normalisation"
                        : "sklearn: raw counts, idf = ln((1 + N) / (1 + df)) + 1, L2 rows",
                file, matrix.rows(), matrix.columns(), matrix.nonZeros());
        for (int d = 0; d < Math.min(documents, texts.size()); d++) {
            String text = texts.get(d);
            out.printf("%ndocument %d: %s%n", d + 1, text.length() > 100 ? text.substring(0, 97) + "..." : text);
            List<TermWeight> best = tfidf.topTerms(tokens.get(d), top);
            if (best.isEmpty()) {
                out.println("  (no terms after preprocessing)");
            }
            for (TermWeight w : best) {
                out.printf(Locale.ROOT, "  %-20s %.4f%n", w.term(), w.weight());
            }
        }
        out.printf("%n%s", timer.render());
        out.flush();
        return 0;
    }
}
