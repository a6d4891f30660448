package dev.nlpkit.embeddings;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.embeddings.io.WordVectorFormatException;

/**
 * The full Word2Vec model file, for continued training. Little-endian throughout:
 * <pre>
 * "NLPKW2VM"                      8 bytes magic
 * int32 version                   (1)
 * int32 n, n bytes UTF-8          header: "key=value" lines: every Word2VecOptions field, vocabularySize,
 *                                 vectorSize, corpusWords, epochsTrained, syn1, syn1neg
 * V x (int32 n, n bytes UTF-8 word, int64 count)      vocabulary, most frequent first
 * V*d float32 syn0; [(V*d) float32 syn1]; [(V*d) float32 syn1neg]
 * "W2VMEND\n"                     8 bytes end marker (detects truncation)
 * </pre>
 * Written atomically (temporary file + rename). No Java serialization. Keys added after the first release
 * ({@code algorithm}, {@code batchTargets}, {@code batchNegatives}, {@code batchPrivateWords}) are optional when
 * reading: a file written before them loads with their old meaning (HOGWILD, word2vec.c's algorithm; a file with
 * {@code algorithm} but no {@code batchPrivateWords} loads it as -1, automatic, what that file's trainer did).
 * The thread count is written as {@code threads}; files from before that name have {@code workers} (gensim's
 * word), which is still read.
 */
public final class Word2VecModelFormat {

    /** Current format version. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "NLPKW2VM".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "W2VMEND\n".getBytes(StandardCharsets.US_ASCII);

    private Word2VecModelFormat() {
    }

    static void write(Word2Vec model, Path file) throws IOException {
        Word2VecOptions o = model.options();
        TrainingVocabulary vocab = model.vocabulary();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("architecture", o.architecture().name());
        header.put("vectorSize", Integer.toString(o.vectorSize()));
        header.put("window", Integer.toString(o.window()));
        header.put("minCount", Integer.toString(o.minCount()));
        header.put("maxVocabSize", Integer.toString(o.maxVocabSize()));
        header.put("maxFinalVocab", Integer.toString(o.maxFinalVocab()));
        header.put("sample", Double.toString(o.sample()));
        header.put("negative", Integer.toString(o.negative()));
        header.put("hierarchicalSoftmax", Boolean.toString(o.hierarchicalSoftmax()));
        header.put("nsExponent", Double.toString(o.nsExponent()));
        header.put("alpha", Double.toString(o.alpha()));
        header.put("minAlpha", Double.toString(o.minAlpha()));
        header.put("cbowInput", o.cbowInput().name());
        header.put("epochs", Integer.toString(o.epochs()));
        header.put("threads", Integer.toString(o.threads()));
        header.put("seed", Long.toString(o.seed()));
        header.put("shrinkWindows", Boolean.toString(o.shrinkWindows()));
        header.put("computeLoss", Boolean.toString(o.computeLoss()));
        header.put("batchWords", Integer.toString(o.batchWords()));
        header.put("kernel", o.kernel().name());
        header.put("algorithm", o.algorithm().name());
        header.put("batchTargets", Integer.toString(o.batchTargets()));
        header.put("batchNegatives", Integer.toString(o.batchNegatives()));
        header.put("batchPrivateWords", Integer.toString(o.batchPrivateWords()));
        header.put("vocabularySize", Integer.toString(vocab.size()));
        header.put("corpusWords", Long.toString(vocab.corpusWords()));
        header.put("epochsTrained", Integer.toString(model.epochsTrained()));
        header.put("syn1", Boolean.toString(model.syn1() != null));
        header.put("syn1neg", Boolean.toString(model.syn1neg() != null));
        StringBuilder text = new StringBuilder();
        header.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        byte[] headerBytes = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
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
            LittleEndianIO.writeFloats(out, model.syn0());
            if (model.syn1() != null) {
                LittleEndianIO.writeFloats(out, model.syn1());
            }
            if (model.syn1neg() != null) {
                LittleEndianIO.writeFloats(out, model.syn1neg());
            }
            out.write(END);
        });
    }

    static Word2Vec read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new WordVectorFormatException(file, "byte 0", "not an nlpkit Word2Vec model (expected magic "
                        + "'NLPKW2VM'); word2vec C files are read with Word2VecFormat");
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
            byte[] headerBytes = LittleEndianIO.readExactly(in, headerLength, file, "header");
            Map<String, String> h = new LinkedHashMap<>();
            int lineNo = 0;
            for (String line : new String(headerBytes, StandardCharsets.UTF_8).split("\n")) {
                lineNo++;
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new WordVectorFormatException(file, "header line " + lineNo, "expected key=value, found '"
                            + line + "'");
                }
                h.put(line.substring(0, eq), line.substring(eq + 1));
            }
            Word2VecOptions o;
            int v;
            long corpusWords;
            int epochsTrained;
            boolean hasSyn1;
            boolean hasSyn1neg;
            try {
                o = new Word2VecOptions(Architecture.valueOf(get(h, "architecture", file)),
                        Integer.parseInt(get(h, "vectorSize", file)), Integer.parseInt(get(h, "window", file)),
                        Integer.parseInt(get(h, "minCount", file)), Integer.parseInt(get(h, "maxVocabSize", file)),
                        Integer.parseInt(get(h, "maxFinalVocab", file)), Double.parseDouble(get(h, "sample", file)),
                        Integer.parseInt(get(h, "negative", file)),
                        Boolean.parseBoolean(get(h, "hierarchicalSoftmax", file)),
                        Double.parseDouble(get(h, "nsExponent", file)), Double.parseDouble(get(h, "alpha", file)),
                        Double.parseDouble(get(h, "minAlpha", file)), CbowInput.valueOf(get(h, "cbowInput", file)),
                        Integer.parseInt(get(h, "epochs", file)), Integer.parseInt(get(h, threadsKey(h), file)),
                        Long.parseLong(get(h, "seed", file)), Boolean.parseBoolean(get(h, "shrinkWindows", file)),
                        Boolean.parseBoolean(get(h, "computeLoss", file)),
                        Integer.parseInt(get(h, "batchWords", file)), VectorKernel.valueOf(get(h, "kernel", file)),
                        Algorithm.valueOf(h.getOrDefault("algorithm", Algorithm.HOGWILD.name())),
                        Integer.parseInt(h.getOrDefault("batchTargets", "0")),
                        Integer.parseInt(h.getOrDefault("batchNegatives", "0")),
                        Integer.parseInt(h.getOrDefault("batchPrivateWords",
                                Integer.toString(Word2VecOptions.AUTOMATIC_BATCH_PRIVATE_WORDS))));
                v = Integer.parseInt(get(h, "vocabularySize", file));
                corpusWords = Long.parseLong(get(h, "corpusWords", file));
                epochsTrained = Integer.parseInt(get(h, "epochsTrained", file));
                hasSyn1 = Boolean.parseBoolean(get(h, "syn1", file));
                hasSyn1neg = Boolean.parseBoolean(get(h, "syn1neg", file));
            } catch (IllegalArgumentException e) {
                throw new WordVectorFormatException(file, "header", e.getMessage(), e);
            }
            if (v < 1 || (long) v * o.vectorSize() > Integer.MAX_VALUE - 8) {
                throw new WordVectorFormatException(file, "header", "implausible vocabularySize " + v);
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
            int cells = v * o.vectorSize();
            float[] syn0 = LittleEndianIO.readFloats(in, cells, o.vectorSize(), file, "syn0");
            float[] syn1 = hasSyn1 ? LittleEndianIO.readFloats(in, cells, o.vectorSize(), file, "syn1") : null;
            float[] syn1neg = hasSyn1neg ? LittleEndianIO.readFloats(in, cells, o.vectorSize(), file, "syn1neg") : null;
            byte[] end = in.readNBytes(END.length);
            if (!java.util.Arrays.equals(end, END)) {
                throw new WordVectorFormatException(file, "end", "missing end marker: the file is truncated or "
                        + "corrupt");
            }
            TrainingVocabulary vocabulary;
            try {
                vocabulary = new TrainingVocabulary(words, counts, corpusWords);
            } catch (IllegalArgumentException e) {
                throw new WordVectorFormatException(file, "vocabulary", e.getMessage(), e);
            }
            return new Word2Vec(vocabulary, o, syn0, syn1, syn1neg, epochsTrained, null);
        }
    }

    /** The key of the thread count: {@code threads}, or {@code workers} in files written before that name. */
    static String threadsKey(Map<String, String> h) {
        return !h.containsKey("threads") && h.containsKey("workers") ? "workers" : "threads";
    }

    private static String get(Map<String, String> h, String key, Path file) {
        String v = h.get(key);
        if (v == null) {
            throw new IllegalArgumentException("header key '" + key + "' missing in " + file);
        }
        return v;
    }
}
