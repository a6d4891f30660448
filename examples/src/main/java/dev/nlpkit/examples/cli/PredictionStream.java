package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TokenContribution;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code sentiment predict} on a stream: reads up to {@value #BLOCK} lines (fewer when the input pauses, so an
 * interactive user sees each answer at once), predicts them in one batch, prints one line per input line and
 * flushes; memory stays constant whatever the input length. Lines end with LF (a CRLF's CR is dropped); a
 * lone CR is part of the text. A blank line gets the prediction of the empty text, so output lines up with
 * input.
 *
 * <p>Output, one record per line: RFC 4180 CSV {@code label,probability,text[,tokens]} (no header), or with
 * {@link Format#JSON} one JSON object per line {@code {"label":..,"probability":..,"text":..[,"tokens":[..]]}}.
 * In the CSV form, the text's control characters (tab, CR, ESC, NUL, DEL, C1) are written as {@code \t},
 * {@code \r} or {@code \}{@code uXXXX} and a backslash as {@code \\}, so nothing reaches a terminal raw and the
 * text can be recovered exactly; JSON escapes them in its own syntax.
 */
final class PredictionStream {

    /** Most lines predicted as one batch. */
    static final int BLOCK = 1000;

    /** The output form. */
    enum Format {
        /** RFC 4180 CSV, text control characters backslash-escaped. */
        CSV,
        /** One JSON object per line. */
        JSON
    }

    /** The model once loaded: set by the predicting stage before it hands the writer its first block. */
    private TextClassifier model;
    private final Loading loading;
    private final Function<String, List<String>> earlyTokens;
    private final Format format;
    private final boolean explain;
    private final BooleanSupplier outputClosed;

    /**
     * @param outputClosed whether the real output has failed (a closed pipe), checked after each block: the
     *                     command's writer may sit on a {@link java.io.PrintStream}, which keeps the error to itself
     */
    PredictionStream(TextClassifier model, Format format, boolean explain, BooleanSupplier outputClosed) {
        this(() -> model, null, format, explain, outputClosed);
        this.model = model;
    }

    /**
     * A stream whose model is still loading: {@link #run} reads, and with {@code earlyTokens} preprocesses, the
     * first blocks while {@code loading} finishes (the first lines of a large bundle would otherwise wait seconds
     * for it), and throws the load's error as it is.
     *
     * @param loading     the model, waited for by the predicting stage before its first block
     * @param earlyTokens the model's preprocessing, available before the model (its tokens must be those of the
     *                    model's {@link TextClassifier#tokens(String)}), or null to preprocess with the model
     */
    PredictionStream(Loading loading, Function<String, List<String>> earlyTokens, Format format, boolean explain,
            BooleanSupplier outputClosed) {
        this.loading = loading;
        this.earlyTokens = earlyTokens;
        this.format = format;
        this.explain = explain;
        this.outputClosed = outputClosed;
    }

    /** A model being loaded. */
    @FunctionalInterface
    interface Loading {
        /** The model, waiting for it if need be; the load's failure as it was thrown. */
        TextClassifier get() throws IOException;
    }

    /**
     * Predicts every line of {@code in} onto {@code out} until the input ends or the output fails (a closed pipe:
     * {@link PrintWriter#checkError()} or the {@code outputClosed} check).
     *
     * <p>Three stages overlap on three threads, so the two cores are not left to one stage at a time: a reader
     * thread splits the input into blocks, the calling thread predicts them, and a writer thread formats and
     * writes them, in input order. Each hand-over holds at most {@value #QUEUED} blocks ({@value #READ_AHEAD}
     * preprocessed ones when the reader preprocesses), so memory stays constant, and a failed output stops the
     * reading and predicting after at most those blocks. A model still loading is waited for before the first
     * block is predicted.
     *
     * @return the lines predicted and written
     */
    long run(Reader in, PrintWriter out) throws IOException {
        BlockingQueue<Stage> read = new ArrayBlockingQueue<>(earlyTokens == null ? QUEUED : READ_AHEAD);
        BlockingQueue<Stage> predicted = new ArrayBlockingQueue<>(QUEUED);
        Thread reader = Thread.ofPlatform().name("nlpkit-predict-reader").daemon()
                .start(() -> read(in, earlyTokens, read));
        Writer writer = new Writer(out, predicted);
        Thread writing = Thread.ofPlatform().name("nlpkit-predict-writer").daemon().start(writer);
        try {
            if (model == null) {
                // the reader runs ahead meanwhile; a bundle that cannot be loaded is reported at once, whatever
                // the input holds or whether it has arrived
                model = loading.get();
            }
            while (!writer.failed) {
                Stage next = take(read);
                if (next instanceof Failed f) {
                    throw f.rethrow();
                }
                if (!(next instanceof Lines lines)) {
                    break; // the end of the input
                }
                put(predicted, predict(lines.texts, lines.tokens));
            }
        } finally {
            reader.interrupt(); // stops a reader waiting to hand over a block (one waiting on stdin is a daemon)
            putEnd(predicted, writing);
            join(writing);
        }
        if (writer.failure != null) {
            throw writer.failure.rethrow();
        }
        return writer.done;
    }

    /** Most blocks waiting at each hand-over between the stages. */
    static final int QUEUED = 2;

    /**
     * Most preprocessed blocks waiting for the predicting stage: while the model loads (seconds for a large
     * bundle), the reader preprocesses this far ahead, a few megabytes of tokens.
     */
    static final int READ_AHEAD = 16;

    /** What passes between the stages: a block of lines, a predicted block, the end, or a failure. */
    private sealed interface Stage permits Lines, Predicted, End, Failed {
    }

    /** A block of lines, with their tokens when the reader preprocessed them (else null). */
    private record Lines(List<String> texts, List<List<String>> tokens) implements Stage {
    }

    private record Predicted(List<String> texts, double[][] p, List<List<String>> shown) implements Stage {
    }

    private record End() implements Stage {
    }

    private record Failed(Throwable error) implements Stage {
        /** The stage's error, to throw on the calling thread as it would have been thrown there. */
        RuntimeException rethrow() throws IOException {
            if (error instanceof IOException e) {
                throw e;
            }
            if (error instanceof Error e) {
                throw e;
            }
            return (RuntimeException) error;
        }
    }

    /**
     * The reader stage: blocks of up to {@value #BLOCK} lines, fewer when the input pauses, each preprocessed by
     * {@code tokenizer} unless it is null, then the end.
     */
    private static void read(Reader in, Function<String, List<String>> tokenizer, BlockingQueue<Stage> to) {
        try {
            LineSplitter lines = new LineSplitter(in);
            while (true) {
                String line = lines.next();
                if (line == null) {
                    break;
                }
                List<String> block = new ArrayList<>(BLOCK);
                block.add(line);
                while (block.size() < BLOCK && lines.ready()) {
                    String more = lines.next();
                    if (more == null) {
                        break;
                    }
                    block.add(more);
                }
                List<List<String>> tokens = null;
                if (tokenizer != null) {
                    tokens = new ArrayList<>(block.size());
                    for (String text : block) {
                        tokens.add(tokenizer.apply(text));
                    }
                }
                to.put(new Lines(block, tokens));
            }
            to.put(new End());
        } catch (InterruptedException e) {
            // the run stopped early: nobody takes more blocks
        } catch (IOException | RuntimeException | Error e) {
            try {
                to.put(new Failed(e));
            } catch (InterruptedException stopped) {
                // the run stopped early
            }
        }
    }

    /**
     * The predicting stage, on the calling thread: probabilities (of the reader's tokens when it preprocessed the
     * block) and, with --explain, the tokens.
     */
    private Predicted predict(List<String> texts, List<List<String>> tokens) {
        double[][] p = tokens == null ? model.predictProba(texts) : model.predictProbaOfTokens(tokens);
        List<List<String>> shown = null;
        if (explain) {
            shown = new ArrayList<>(texts.size());
            for (String text : texts) {
                shown.add(explained(text));
            }
        }
        return new Predicted(texts, p, shown);
    }

    /** The writer stage: formats and writes predicted blocks in order, and notes when the output fails. */
    private final class Writer implements Runnable {
        private final PrintWriter out;
        private final BlockingQueue<Stage> from;
        volatile boolean failed;
        volatile Failed failure;
        volatile long done;

        Writer(PrintWriter out, BlockingQueue<Stage> from) {
            this.out = out;
            this.from = from;
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Stage next = from.take();
                    if (!(next instanceof Predicted block)) {
                        return;
                    }
                    if (failed) {
                        continue; // drain, so the predicting stage never waits on a stopped writer
                    }
                    if (write(block.texts, block.p, block.shown, out)) {
                        done += block.texts.size();
                    } else {
                        failed = true;
                    }
                }
            } catch (InterruptedException e) {
                failed = true;
            } catch (RuntimeException | Error e) {
                failure = new Failed(e);
                failed = true;
                // keep draining until the end, so the predicting stage never waits on a stopped writer
                try {
                    while (from.take() instanceof Predicted) {
                        // dropped
                    }
                } catch (InterruptedException stopped) {
                    // the run is over
                }
            }
        }
    }

    private static Stage take(BlockingQueue<Stage> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new End();
        }
    }

    private static void put(BlockingQueue<Stage> queue, Stage stage) {
        try {
            queue.put(stage);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while predicting", e);
        }
    }

    /** Tells the writer the run is over; if this thread is interrupted, interrupts the writer instead. */
    private static void putEnd(BlockingQueue<Stage> queue, Thread writer) {
        try {
            queue.put(new End());
        } catch (InterruptedException e) {
            writer.interrupt();
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Predicts a list of texts (command-line arguments) onto {@code out}. */
    boolean write(List<String> texts, PrintWriter out) throws IOException {
        if (model == null) {
            model = loading.get();
        }
        Predicted block = predict(texts, null);
        return write(texts, block.p, block.shown, out);
    }

    /** Formats one predicted block onto {@code out} and flushes; false when the output has failed. */
    private boolean write(List<String> texts, double[][] p, List<List<String>> shown, PrintWriter out) {
        List<String> classes = model.labels();
        StringBuilder text = new StringBuilder(texts.size() * 128);
        // one printer for the block: a record's quoting depends only on its own fields
        CSVPrinter printer = format == Format.CSV ? csvPrinter(text) : null;
        List<String> escapedLabels = classes.stream().map(PredictionStream::escapeControls).toList();
        for (int i = 0; i < texts.size(); i++) {
            // two classes: the second's probability (the positive one), as the model was trained; more: the best
            // the bundle's threshold decides, as in predict(String) (the balanced default is not 0.5)
            int best = model.labelIndex(p[i]);
            String probability = fourDecimals(p[i][classes.size() == 2 ? 1 : best]);
            List<String> tokens = shown == null ? null : shown.get(i);
            if (format == Format.JSON) {
                json(text, classes.get(best), probability, texts.get(i), tokens);
            } else {
                csv(printer, escapedLabels.get(best), probability, texts.get(i), tokens);
            }
        }
        out.append(text);
        out.flush();
        return !out.checkError() && !outputClosed.getAsBoolean();
    }

    /** The tokens that reached the model, unknown ones marked (from the model's explanation). */
    private List<String> explained(String text) {
        List<String> out = new ArrayList<>();
        for (TokenContribution t : model.explain(text).tokens()) {
            out.add(t.known() ? t.token() : t.token() + "(unknown)");
        }
        return out;
    }

    /** RFC 4180 with LF line ends, built once rather than per line. */
    private static final CSVFormat CSV_LINES = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private static CSVPrinter csvPrinter(StringBuilder out) {
        try {
            return new CSVPrinter(out, CSV_LINES);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
    }

    /** One CSV record; {@code label} is already escaped. */
    private static void csv(CSVPrinter printer, String label, String probability, String text, List<String> tokens) {
        try {
            if (tokens == null) {
                printer.printRecord(label, probability, escapeControls(text));
            } else {
                printer.printRecord(label, probability, escapeControls(text), escapeControls(String.join(" ", tokens)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
    }

    /**
     * {@code String.format(Locale.ROOT, "%.4f", p)} without the Formatter (a few microseconds a line): exact for
     * a probability unless {@code p * 10000} lies within 1e-6 of a rounding tie, which is left to the Formatter
     * (it rounds the decimal digits of {@code p} half up, and only that close to a tie can they and the
     * double's value round apart).
     */
    static String fourDecimals(double p) {
        double scaled = p * 10_000;
        if (!(p >= 0 && p <= 1)) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
        double whole = Math.floor(scaled);
        double fraction = scaled - whole;
        if (Math.abs(fraction - 0.5) < 1e-6) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
        long units = (long) whole + (fraction > 0.5 ? 1 : 0);
        char[] digits = {'0', '.', '0', '0', '0', '0'};
        digits[0] = (char) ('0' + units / 10_000);
        long rest = units % 10_000;
        for (int d = 5; d >= 2; d--) {
            digits[d] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        return new String(digits);
    }

    private static void json(StringBuilder out, String label, String probability, String text, List<String> tokens) {
        out.append("{\"label\":");
        jsonString(out, label);
        out.append(",\"probability\":").append(probability).append(",\"text\":");
        jsonString(out, text);
        if (tokens != null) {
            out.append(",\"tokens\":[");
            for (int i = 0; i < tokens.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                jsonString(out, tokens.get(i));
            }
            out.append(']');
        }
        out.append("}\n");
    }

    /** Whether {@code c} must not reach a terminal raw: C0 controls, DEL, C1 controls, line and paragraph separators. */
    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == '\u2028' || c == '\u2029';
    }

    /** RFC 8259 string: quote, backslash and controls escaped (DEL, C1 and U+2028/9 too, for terminals and JS). */
    static void jsonString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (isControl(c)) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Backslash escapes for the CSV text column: {@code \\}, {@code \t}, {@code \r}, {@code \n}, else {@code \}{@code uXXXX}. */
    static String escapeControls(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' && !isControl(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                default -> out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return out == null ? s : out.toString();
    }

    /** The inverse of {@link #escapeControls}. */
    static String unescapeControls(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char next = s.charAt(++i);
            switch (next) {
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'n' -> out.append('\n');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }

    /**
     * Splits a character stream into lines at LF only (a trailing CR before it is dropped; a lone CR stays in the
     * line), without reading past what {@link Reader#ready()} says has arrived once a line is complete.
     */
    static final class LineSplitter {
        private final Reader in;
        private final char[] buffer = new char[1 << 14];
        private int position;
        private int limit;
        private boolean end;

        LineSplitter(Reader in) {
            this.in = in;
        }

        /** The next line, waiting for it if need be; null at the end of the input. */
        String next() throws IOException {
            StringBuilder line = null;
            while (true) {
                if (position == limit) {
                    if (end) {
                        return line == null ? null : strip(line);
                    }
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        end = true;
                        continue;
                    }
                    position = 0;
                    limit = n;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                if (line == null) {
                    line = new StringBuilder(Math.max(16, position - start));
                }
                line.append(buffer, start, position - start);
                if (position < limit) {
                    position++; // the LF
                    return strip(line);
                }
            }
        }

        /** Whether a line can be read without waiting: a complete line is buffered, or the reader has input. */
        boolean ready() throws IOException {
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    return true;
                }
            }
            return !end && in.ready();
        }

        private static String strip(StringBuilder line) {
            int n = line.length();
            return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
        }
    }
}
