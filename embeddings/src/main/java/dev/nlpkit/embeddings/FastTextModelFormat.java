package dev.nlpkit.embeddings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.embeddings.io.WordVectorFormatException;

/**
 * nlpkit's FastText model file. Little-endian throughout:
 * <pre>
 * "NLPKFTXT"                      8 bytes magic
 * int32 version                   (1)
 * int32 n, n bytes UTF-8          header: "key=value" lines: every FastTextOptions field, vocabularySize,
 *                                 corpusWords
 * V x (int32 n, n bytes UTF-8 word, int64 count)      vocabulary, most frequent first
 * (V + ngramRows) * d float32     input matrix: word rows, then n-gram bucket rows
 * V * d float32                   output matrix (negative sampling)
 * "FTXMEND\n"                     8 bytes end marker (detects truncation)
 * </pre>
 * The whole configuration travels in the file, so a later change of the defaults cannot change an old model.
 * The thread count is written as {@code threads}; files from before that name have {@code workers} (gensim's
 * word), which is still read. The {@code algorithm} key is absent from files written before it existed; they
 * load as {@link Algorithm#HOGWILD}, the only algorithm then.
 * Files are written through nlpkit-core's {@link AtomicFiles} (temporary file + rename). No Java serialization.
 */
public final class FastTextModelFormat {

    /** Current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "NLPKFTXT".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "FTXMEND\n".getBytes(StandardCharsets.US_ASCII);

    private FastTextModelFormat() {
    }

    static void write(FastText model, Path file) throws IOException {
        AtomicFiles.write(file, out -> write(model, out));
    }

    static void write(FastText model, OutputStream target) throws IOException {
        FastTextOptions o = model.options();
        TrainingVocabulary vocab = model.vocabulary();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("architecture", o.architecture().name());
        header.put("vectorSize", Integer.toString(o.vectorSize()));
        header.put("window", Integer.toString(o.window()));
        header.put("minCount", Integer.toString(o.minCount()));
        header.put("maxFinalVocab", Integer.toString(o.maxFinalVocab()));
        header.put("sample", Double.toString(o.sample()));
        header.put("negative", Integer.toString(o.negative()));
        header.put("nsExponent", Double.toString(o.nsExponent()));
        header.put("alpha", Double.toString(o.alpha()));
        header.put("minAlpha", Double.toString(o.minAlpha()));
        header.put("cbowInput", o.cbowInput().name());
        header.put("epochs", Integer.toString(o.epochs()));
        header.put("threads", Integer.toString(o.threads()));
        header.put("minN", Integer.toString(o.minN()));
        header.put("maxN", Integer.toString(o.maxN()));
        header.put("bucket", Integer.toString(o.bucket()));
        header.put("wordNgrams", Integer.toString(o.wordNgrams()));
        header.put("shrinkWindows", Boolean.toString(o.shrinkWindows()));
        header.put("batchWords", Integer.toString(o.batchWords()));
        header.put("kernel", o.kernel().name());
        header.put("algorithm", o.algorithm().name());
        header.put("vocabularySize", Integer.toString(vocab.size()));
        header.put("corpusWords", Long.toString(vocab.corpusWords()));
        StringBuilder text = new StringBuilder();
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        OutputStream out = new BufferedOutputStream(target, 1 << 16);
        out.write(MAGIC);
        LittleEndianIO.writeInt(out, VERSION);
        LittleEndianIO.writeInt(out, headerBytes.length);
        out.write(headerBytes);
        for (int i = 0; i < vocab.size(); i++) {
            byte[] w = vocab.word(i).getBytes(StandardCharsets.UTF_8);
            LittleEndianIO.writeInt(out, w.length);
            out.write(w);
            LittleEndianIO.writeLong(out, vocab.count(i));
        }
        LittleEndianIO.writeFloats(out, model.input());
        LittleEndianIO.writeFloats(out, model.output());
        out.write(END);
        out.flush();
    }

    static FastText read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "FastText model file not found");
        }
    }

    static FastText read(InputStream source, Path file) throws IOException {
        InputStream in = new BufferedInputStream(source, 1 << 16);
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new WordVectorFormatException(file, "byte 0", "not an nlpkit FastText model (expected magic "
                    + "'NLPKFTXT'); Facebook .bin files are read with FastText.loadFacebookModel");
        }
        int version = LittleEndianIO.readInt(in, file, "version");
        if (version != VERSION) {
            throw new WordVectorFormatException(file, "header", "format version " + version
                    + " is not supported (this library reads version " + VERSION + ")");
        }
        int headerLength = LittleEndianIO.readInt(in, file, "header length");
        if (headerLength < 0 || headerLength > 1 << 20) {
            throw new WordVectorFormatException(file, "header", "implausible header length " + headerLength);
        }
        Map<String, String> h = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : new String(LittleEndianIO.readExactly(in, headerLength, file, "header"), StandardCharsets.UTF_8)
                .split("\n")) {
            lineNo++;
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new WordVectorFormatException(file, "header line " + lineNo, "expected key=value, found '"
                        + line + "'");
            }
            h.put(line.substring(0, eq), line.substring(eq + 1));
        }
        FastTextOptions o;
        int v;
        long corpusWords;
        try {
            o = new FastTextOptions(Architecture.valueOf(get(h, "architecture")), intOf(h, "vectorSize"),
                    intOf(h, "window"), intOf(h, "minCount"), intOf(h, "maxFinalVocab"),
                    Double.parseDouble(get(h, "sample")), intOf(h, "negative"), Double.parseDouble(get(h, "nsExponent")),
                    Double.parseDouble(get(h, "alpha")), Double.parseDouble(get(h, "minAlpha")),
                    CbowInput.valueOf(get(h, "cbowInput")), intOf(h, "epochs"), intOf(h, Word2VecModelFormat.threadsKey(h)), intOf(h, "minN"),
                    intOf(h, "maxN"), intOf(h, "bucket"), intOf(h, "wordNgrams"),
                    Boolean.parseBoolean(get(h, "shrinkWindows")), intOf(h, "batchWords"),
                    VectorKernel.valueOf(get(h, "kernel")),
                    // files written before the key existed were trained the only way there was then
                    Algorithm.valueOf(h.getOrDefault("algorithm", Algorithm.HOGWILD.name())));
            v = intOf(h, "vocabularySize");
            corpusWords = Long.parseLong(get(h, "corpusWords"));
        } catch (IllegalArgumentException e) {
            throw new WordVectorFormatException(file, "header", e.getMessage(), e);
        }
        int d = o.vectorSize();
        long inputCells = ((long) v + o.ngramRows()) * d;
        if (v < 1 || inputCells > Integer.MAX_VALUE - 8) {
            throw new WordVectorFormatException(file, "header", "implausible vocabularySize " + v + " with bucket "
                    + o.ngramRows() + " and vectorSize " + d);
        }
        String[] words = new String[v];
        long[] counts = new long[v];
        for (int i = 0; i < v; i++) {
            String where = "vocabulary word index " + i;
            int n = LittleEndianIO.readInt(in, file, where);
            if (n < 1 || n > 1 << 16) {
                throw new WordVectorFormatException(file, where, "implausible word length " + n);
            }
            words[i] = new String(LittleEndianIO.readExactly(in, n, file, where), StandardCharsets.UTF_8);
            counts[i] = LittleEndianIO.readLong(in, file, where);
        }
        float[] input = LittleEndianIO.readFloats(in, (int) inputCells, d, file, "input matrix");
        float[] output = LittleEndianIO.readFloats(in, v * d, d, file, "output matrix");
        if (!Arrays.equals(in.readNBytes(END.length), END)) {
            throw new WordVectorFormatException(file, "end", "missing end marker: the file is truncated or corrupt");
        }
        TrainingVocabulary vocabulary;
        try {
            vocabulary = new TrainingVocabulary(words, counts, corpusWords);
        } catch (IllegalArgumentException e) {
            throw new WordVectorFormatException(file, "vocabulary", e.getMessage(), e);
        }
        return new FastText(vocabulary, o, input, output, FastText.SubwordTable.of(vocabulary, o, false), null);
    }

    private static String get(Map<String, String> h, String key) {
        String v = h.get(key);
        if (v == null) {
            throw new IllegalArgumentException("header key '" + key + "' missing");
        }
        return v;
    }

    private static int intOf(Map<String, String> h, String key) {
        return Integer.parseInt(get(h, key));
    }
}
