package dev.nlpkit.embeddings;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dev.nlpkit.embeddings.io.WordVectorFormatException;

/**
 * Reads Facebook fastText's binary model ({@code .bin}, as written by {@code fasttext skipgram|cbow} and by
 * gensim's {@code save_facebook_model}). Little-endian:
 * <pre>
 * int32 magic 793712314, int32 version (11 or 12)
 * args: int32 dim, ws, epoch, minCount, neg, wordNgrams, loss, model, bucket, minn, maxn, lrUpdateRate; double t
 * dictionary: int32 size, nwords, nlabels; int64 ntokens; int64 pruneidxSize;
 *             size x (word bytes, 0 byte, int64 count, int8 type); pruneidxSize x (int32, int32)
 * bool quantInput; int64 rows, int64 cols, rows*cols float32 input (nwords word rows, then bucket rows)
 * bool quantOutput; int64 rows, int64 cols, rows*cols float32 output
 * </pre>
 * Supervised (labels) and quantized ({@code .ftz}) models are refused with a clear message. The word vectors
 * are the mean of a word's row and its n-gram rows, as {@code getWordVector}; the end-of-sentence token
 * {@code </s>} has no n-grams, as in fastText's dictionary. The learning rate is not stored in the file: the
 * loaded options carry gensim's default alpha.
 */
final class FacebookFastTextFormat {

    static final int MAGIC = 793712314;

    private FacebookFastTextFormat() {
    }

    static FastText read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            return read(new BufferedInputStream(raw, 1 << 16), file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "fastText model file not found");
        }
    }

    static FastText read(InputStream in, Path file) throws IOException {
        int magic = int32(in, file, "magic");
        if (magic != MAGIC) {
            throw new WordVectorFormatException(file, "byte 0", "not a fastText .bin model (magic " + magic
                    + ", expected " + MAGIC + "); .vec files are word2vec text files: read them with Word2VecFormat");
        }
        int version = int32(in, file, "version");
        if (version != 11 && version != 12) {
            throw new WordVectorFormatException(file, "byte 4", "fastText format version " + version
                    + " is not supported (this reader knows versions 11 and 12)");
        }
        int dim = int32(in, file, "args.dim");
        int ws = int32(in, file, "args.ws");
        int epoch = int32(in, file, "args.epoch");
        int minCount = int32(in, file, "args.minCount");
        int neg = int32(in, file, "args.neg");
        int wordNgrams = int32(in, file, "args.wordNgrams");
        int32(in, file, "args.loss");
        int model = int32(in, file, "args.model");
        int bucket = int32(in, file, "args.bucket");
        int minn = int32(in, file, "args.minn");
        int maxn = int32(in, file, "args.maxn");
        int32(in, file, "args.lrUpdateRate");
        double t = ByteBuffer.wrap(LittleEndianIO.readExactly(in, 8, file, "args.t"))
                .order(ByteOrder.LITTLE_ENDIAN).getDouble();
        if (model == 3) {
            throw new WordVectorFormatException(file, "args.model", "supervised fastText models (classifiers) are "
                    + "not supported; only skipgram and cbow word-vector models");
        }
        if (model != 1 && model != 2) {
            throw new WordVectorFormatException(file, "args.model", "unknown model type " + model
                    + " (expected 1 = cbow, 2 = skipgram)");
        }
        FastTextOptions options;
        try {
            options = FastTextOptions.defaults()
                    .withArchitecture(model == 2 ? Architecture.SKIP_GRAM : Architecture.CBOW)
                    .withVectorSize(dim).withWindow(ws).withEpochs(epoch).withMinCount(Math.max(1, minCount))
                    .withNegative(Math.max(1, neg)).withWordNgrams(wordNgrams)
                    .withNgramLengths(Math.max(1, minn), maxn).withBucket(bucket)
                    .withSample(t);
        } catch (IllegalArgumentException e) {
            throw new WordVectorFormatException(file, "args", e.getMessage(), e);
        }
        int size = int32(in, file, "dictionary.size");
        int nwords = int32(in, file, "dictionary.nwords");
        int nlabels = int32(in, file, "dictionary.nlabels");
        long ntokens = int64(in, file, "dictionary.ntokens");
        long pruneSize = int64(in, file, "dictionary.pruneidx_size");
        if (nlabels > 0) {
            throw new WordVectorFormatException(file, "dictionary", nlabels + " labels: supervised fastText models"
                    + " are not supported");
        }
        if (nwords < 1 || size != nwords) {
            throw new WordVectorFormatException(file, "dictionary", "implausible sizes: size " + size + ", nwords "
                    + nwords);
        }
        String[] words = new String[nwords];
        long[] counts = new long[nwords];
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteArrayOutputStream word = new ByteArrayOutputStream();
        for (int i = 0; i < nwords; i++) {
            String where = "dictionary entry " + i;
            word.reset();
            int b;
            while ((b = in.read()) != 0) {
                if (b < 0) {
                    throw new WordVectorFormatException(file, where, "file ended inside a word");
                }
                word.write(b);
            }
            try {
                words[i] = decoder.decode(ByteBuffer.wrap(word.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw new WordVectorFormatException(file, where, "word is not valid UTF-8", e);
            }
            counts[i] = int64(in, file, where + " count");
            int type = LittleEndianIO.readExactly(in, 1, file, where + " type")[0];
            if (type != 0) {
                throw new WordVectorFormatException(file, where, "entry type " + type + " (a label): supervised "
                        + "models are not supported");
            }
        }
        for (long p = 0; p < pruneSize; p++) {
            LittleEndianIO.readExactly(in, 8, file, "dictionary.pruneidx");
        }
        if (LittleEndianIO.readExactly(in, 1, file, "quant_input")[0] != 0) {
            throw new WordVectorFormatException(file, "quant_input", "quantized models (.ftz) are not supported");
        }
        long rows = int64(in, file, "input.rows");
        long cols = int64(in, file, "input.cols");
        if (cols != dim || rows != (long) nwords + bucket) {
            throw new WordVectorFormatException(file, "input matrix", "shape " + rows + " x " + cols
                    + ", expected (nwords " + nwords + " + bucket " + bucket + ") x dim " + dim);
        }
        if (rows * cols > Integer.MAX_VALUE - 8) {
            throw new WordVectorFormatException(file, "input matrix", rows + " x " + cols
                    + " floats exceed the largest Java array");
        }
        float[] all = LittleEndianIO.readFloats(in, (int) (rows * cols), dim, file, "input matrix");
        // Without n-grams (maxn < minn) fastText still stores the bucket rows; they are never used.
        float[] input = options.usesNgrams() ? all : java.util.Arrays.copyOf(all, nwords * dim);
        if (LittleEndianIO.readExactly(in, 1, file, "quant_output")[0] != 0) {
            throw new WordVectorFormatException(file, "quant_output", "quantized models (.ftz) are not supported");
        }
        long outRows = int64(in, file, "output.rows");
        long outCols = int64(in, file, "output.cols");
        if (outCols != dim || outRows != nwords) {
            throw new WordVectorFormatException(file, "output matrix", "shape " + outRows + " x " + outCols
                    + ", expected " + nwords + " x " + dim);
        }
        float[] output = LittleEndianIO.readFloats(in, nwords * dim, dim, file, "output matrix");
        TrainingVocabulary vocabulary;
        try {
            vocabulary = new TrainingVocabulary(words, counts, ntokens);
        } catch (IllegalArgumentException e) {
            throw new WordVectorFormatException(file, "dictionary", e.getMessage(), e);
        }
        return new FastText(vocabulary, options, input, output, FastText.SubwordTable.of(vocabulary, options, true),
                null);
    }

    private static int int32(InputStream in, Path file, String where) throws IOException {
        return LittleEndianIO.readInt(in, file, where);
    }

    private static long int64(InputStream in, Path file, String where) throws IOException {
        return LittleEndianIO.readLong(in, file, where);
    }
}
