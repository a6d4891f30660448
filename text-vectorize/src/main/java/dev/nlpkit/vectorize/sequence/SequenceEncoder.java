package dev.nlpkit.vectorize.sequence;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nlpkit.vectorize.DocumentTransformer;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.vocab.ReservedTokens;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * Token lists to padded integer id sequences, what Keras' {@code Tokenizer.texts_to_sequences} followed by
 * {@code pad_sequences} does, with the real lengths kept beside the padded batch.
 *
 * <p>Semantics (Keras 2.x, as documented there):
 * <ul>
 *   <li>ids come from a {@link Vocabulary} with reserved entries: {@code <pad>} = 0 always; with
 *       {@link UnknownTokens#MAP_TO_UNK} also {@code <unk>} = 1 and words from 2 (Keras with {@code oov_token});
 *       with {@link UnknownTokens#DROP} words from 1 when only PAD is reserved (Keras without it);</li>
 *   <li>a token whose id is {@code >= numWords} (when set) counts as unknown (Keras' {@code num_words});</li>
 *   <li>{@code pad_sequences}: sequences longer than {@code maxLength} lose tokens at the start
 *       ({@link Truncation#PRE}) or end ({@link Truncation#POST}); shorter ones get 0s before
 *       ({@link Padding#PRE}) or after ({@link Padding#POST}); {@code maxLength = 0} pads to the longest.</li>
 * </ul>
 * Deviation: Keras breaks count ties by first occurrence; {@link Vocabulary.Builder} by the term
 * (deterministic whatever the document order). Immutable and thread-safe.
 *
 * <pre>{@code
 * SequenceEncoder encoder = SequenceEncoder.fit(train, VocabularyOptions.defaults().withMaxSize(20000),
 *         SequenceOptions.defaults().withMaxLength(40).withPadding(Padding.POST));
 * PaddedSequences batch = encoder.transform(test);      // ids [n][40], lengths [n]
 * }</pre>
 */
public final class SequenceEncoder implements DocumentTransformer<PaddedSequences> {

    private final Vocabulary vocabulary;
    private final SequenceOptions options;
    private final int limit;
    private final boolean mapToUnk;

    private SequenceEncoder(Vocabulary vocabulary, SequenceOptions options) {
        if (vocabulary.reserved() == ReservedTokens.NONE) {
            throw new IllegalArgumentException("index sequences need a vocabulary with a reserved <pad> = 0 "
                    + "(ReservedTokens.PAD or PAD_AND_UNK), got " + vocabulary.reserved());
        }
        if (options.unknown() == UnknownTokens.MAP_TO_UNK && vocabulary.reserved() != ReservedTokens.PAD_AND_UNK) {
            throw new IllegalArgumentException("UnknownTokens.MAP_TO_UNK needs a vocabulary with <unk> = 1 "
                    + "(ReservedTokens.PAD_AND_UNK), got " + vocabulary.reserved());
        }
        if (options.numWords() > 0 && options.numWords() <= vocabulary.reservedCount()) {
            throw new IllegalArgumentException("numWords " + options.numWords() + " leaves no real word (the first "
                    + "real id is " + vocabulary.reservedCount() + ")");
        }
        this.vocabulary = vocabulary;
        this.options = options;
        this.limit = options.numWords() > 0 ? Math.min(options.numWords(), vocabulary.size()) : vocabulary.size();
        this.mapToUnk = options.unknown() == UnknownTokens.MAP_TO_UNK;
    }

    /**
     * An encoder over an existing vocabulary (it must reserve PAD, and UNK for {@link UnknownTokens#MAP_TO_UNK}).
     *
     * @param vocabulary the token ids
     * @param options padding, truncation, unknown tokens and word limit
     * @return the encoder
     */
    public static SequenceEncoder of(Vocabulary vocabulary, SequenceOptions options) {
        return new SequenceEncoder(vocabulary, options);
    }

    /**
     * Builds the vocabulary from {@code documents} (frequency order, the reserved entries that
     * {@code options.unknown()} needs, whatever {@code vocabularyOptions} says about them) and returns the encoder.
     *
     * @param documents tokenized training documents, iterated once
     * @param vocabularyOptions pruning and order of the vocabulary
     * @param options padding, truncation, unknown tokens and word limit
     * @return the fitted encoder
     */
    public static SequenceEncoder fit(Iterable<? extends List<String>> documents, VocabularyOptions vocabularyOptions,
                                      SequenceOptions options) {
        ReservedTokens reserved = options.unknown() == UnknownTokens.MAP_TO_UNK ? ReservedTokens.PAD_AND_UNK
                : ReservedTokens.PAD;
        Vocabulary.Builder builder = Vocabulary.builder(vocabularyOptions.withReserved(reserved));
        builder.addDocuments(documents);
        return new SequenceEncoder(builder.build(), options);
    }

    /**
     * The vocabulary: token id {@code i} is {@code vocabulary().term(i)}; 0 is padding.
     *
     * @return the vocabulary
     */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /**
     * The options this encoder pads and truncates with.
     *
     * @return the options
     */
    public SequenceOptions options() {
        return options;
    }

    /**
     * The ids of {@code document}, unpadded (unknown tokens to 1 or dropped, per the options).
     *
     * @param document the document's tokens
     * @return a fresh array of ids, one per kept token
     */
    public int[] encode(List<String> document) {
        int[] ids = new int[document.size()];
        int n = 0;
        for (String token : document) {
            int id = vocabulary.indexOf(token);
            if (id < vocabulary.reservedCount() || id >= limit) {
                if (mapToUnk) {
                    ids[n++] = Vocabulary.UNK_ID;
                }
            } else {
                ids[n++] = id;
            }
        }
        return n == ids.length ? ids : Arrays.copyOf(ids, n);
    }

    /**
     * The number of tokens of {@code document} that are unknown (or beyond {@code numWords}).
     *
     * @param document the document's tokens
     * @return the number of tokens that map to {@code <unk>} or are dropped
     */
    public int unknownCount(List<String> document) {
        int unknown = 0;
        for (String token : document) {
            int id = vocabulary.indexOf(token);
            if (id < vocabulary.reservedCount() || id >= limit) {
                unknown++;
            }
        }
        return unknown;
    }

    /** The header kind of {@link #write}. */
    static final String KIND = "nlpkit-sequence-encoder";
    /** The version {@link #write} writes and the newest {@link #read} reads. */
    static final int VERSION = 1;

    /**
     * Writes the encoder: a versioned header, every option by name, then the vocabulary section
     * ({@link Vocabulary#write}); {@code end} closes it.
     * <pre>
     * nlpkit-sequence-encoder&lt;TAB&gt;1
     * maxLength=40
     * padding=PRE
     * truncation=PRE
     * unknown=MAP_TO_UNK
     * numWords=0
     * nlpkit-vocabulary&lt;TAB&gt;1
     * ...
     * end
     * end
     * </pre>
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        out.write(KIND + "\t" + VERSION + "\n");
        out.write("maxLength=" + options.maxLength() + "\n");
        out.write("padding=" + options.padding() + "\n");
        out.write("truncation=" + options.truncation() + "\n");
        out.write("unknown=" + options.unknown() + "\n");
        out.write("numWords=" + options.numWords() + "\n");
        vocabulary.write(out);
        out.write("end\n");
    }

    /**
     * Reads an encoder written by {@link #write}; the error names the source, line and field of a bad value,
     * a newer version or a truncated text.
     *
     * @param in the reader, positioned at the section's header line
     * @return the encoder
     * @throws IOException when reading fails, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line and field
     */
    public static SequenceEncoder read(LineReader in) throws IOException {
        in.readHeader(KIND, VERSION);
        int maxLength = (int) in.parseLong("maxLength", in.nextKeyValue("maxLength"), 0, Integer.MAX_VALUE);
        Padding padding = in.parseEnum("padding", in.nextKeyValue("padding"), Padding.class);
        Truncation truncation = in.parseEnum("truncation", in.nextKeyValue("truncation"), Truncation.class);
        UnknownTokens unknown = in.parseEnum("unknown", in.nextKeyValue("unknown"), UnknownTokens.class);
        int numWords = (int) in.parseLong("numWords", in.nextKeyValue("numWords"), 0, Integer.MAX_VALUE);
        Vocabulary vocabulary = Vocabulary.read(in);
        in.expect("end");
        try {
            return new SequenceEncoder(vocabulary, new SequenceOptions(maxLength, padding, truncation, unknown,
                    numWords));
        } catch (IllegalArgumentException e) {
            throw in.error(e.getMessage());
        }
    }

    /** Encodes and pads {@code documents} per the options. */
    @Override
    public PaddedSequences transform(List<? extends List<String>> documents) {
        List<int[]> sequences = new ArrayList<>(documents.size());
        for (List<String> document : documents) {
            sequences.add(encode(document));
        }
        return pad(sequences, options.maxLength(), options.padding(), options.truncation());
    }

    /**
     * Keras' {@code pad_sequences(sequences, maxlen, padding, truncating, value=0)} on id sequences;
     * {@code maxLength = 0} pads to the longest.
     *
     * @param sequences the id sequences; not modified
     * @param maxLength the padded length, >= 0 (0: the longest sequence)
     * @param padding where padding goes
     * @param truncation which end of a longer sequence is cut
     * @return the padded batch with the real length of each row
     */
    public static PaddedSequences pad(List<int[]> sequences, int maxLength, Padding padding, Truncation truncation) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("maxLength must be >= 0, got " + maxLength);
        }
        int length = maxLength;
        if (length == 0) {
            for (int[] s : sequences) {
                length = Math.max(length, s.length);
            }
        }
        int[][] ids = new int[sequences.size()][length];
        int[] lengths = new int[sequences.size()];
        for (int i = 0; i < sequences.size(); i++) {
            int[] s = sequences.get(i);
            int n = Math.min(s.length, length);
            int from = truncation == Truncation.PRE ? s.length - n : 0;
            int to = padding == Padding.PRE ? length - n : 0;
            System.arraycopy(s, from, ids[i], to, n);
            lengths[i] = n;
        }
        return new PaddedSequences(ids, lengths);
    }
}
