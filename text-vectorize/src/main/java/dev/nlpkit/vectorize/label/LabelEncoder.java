package dev.nlpkit.vectorize.label;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.io.TextEscaper;
import dev.nlpkit.vectorize.vocab.CodePointOrder;

/**
 * String class labels to class ids {@code 0..classCount()-1} and back, as scikit-learn's {@code LabelEncoder}:
 * the classes are the distinct labels in sorted (code-point) order, so {@code "0", "4"} become 0 and 1. Saved
 * with the model that uses it (a section a model file can embed: {@link #write}/{@link #read}, or its own file).
 * Immutable and thread-safe.
 *
 * <p>File format (UTF-8 text, version 1): {@code nlpkit-labels<TAB>1}, {@code classes=K}, K escaped labels in id
 * order, {@code end}.
 *
 * <pre>{@code
 * LabelEncoder labels = LabelEncoder.fit(List.of("pos", "neg", "pos"));   // classes [neg, pos]
 * int[] y = labels.encode(List.of("pos", "neg"));                        // [1, 0]
 * String name = labels.decode(1);                                        // "pos"
 * }</pre>
 */
public final class LabelEncoder {

    static final String KIND = "nlpkit-labels";
    static final int VERSION = 1;

    private final String[] classes;
    private final Map<String, Integer> ids;

    private LabelEncoder(String[] classes) {
        this.classes = classes;
        this.ids = new HashMap<>(classes.length * 2);
        for (int i = 0; i < classes.length; i++) {
            ids.put(classes[i], i);
        }
    }

    /**
     * The distinct labels of {@code labels}, sorted, as classes.
     *
     * @param labels the training labels; none null
     * @return an encoder whose class {@code i} is the {@code i}-th distinct label in sorted order
     */
    public static LabelEncoder fit(Iterable<String> labels) {
        TreeSet<String> distinct = new TreeSet<>(CodePointOrder.INSTANCE);
        int i = 0;
        for (String label : labels) {
            if (label == null) {
                throw new IllegalArgumentException("label " + i + " is null");
            }
            distinct.add(label);
            i++;
        }
        return new LabelEncoder(distinct.toArray(new String[0]));
    }

    /**
     * Exactly these classes, in this order (class {@code i} is {@code classes.get(i)}).
     *
     * @param classes the class names; distinct, none null
     * @return the encoder
     */
    public static LabelEncoder of(List<String> classes) {
        if (classes.stream().distinct().count() != classes.size() || classes.contains(null)) {
            throw new IllegalArgumentException("classes must be distinct and non-null, got " + classes);
        }
        return new LabelEncoder(classes.toArray(new String[0]));
    }

    /**
     * The number of classes.
     *
     * @return the number of classes, >= 0
     */
    public int classCount() {
        return classes.length;
    }

    /**
     * The classes in id order.
     *
     * @return the classes, unmodifiable
     */
    public List<String> classes() {
        return List.of(classes);
    }

    /**
     * The id of {@code label}.
     *
     * @param label a label seen in fit
     * @return its id, in [0, {@link #classCount()})
     * @throws IllegalArgumentException for a label not seen in fit, naming it and the known classes
     */
    public int encode(String label) {
        Integer id = ids.get(label);
        if (id == null) {
            throw new IllegalArgumentException("unknown label '" + label + "'; known classes: "
                    + (classes.length <= 20 ? Arrays.toString(classes) : classes.length + " classes"));
        }
        return id;
    }

    /**
     * The ids of {@code labels}.
     *
     * @param labels labels seen in fit
     * @return one id per label, in order
     */
    public int[] encode(List<String> labels) {
        int[] out = new int[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = encode(labels.get(i));
        }
        return out;
    }

    /**
     * The label of class {@code id}.
     *
     * @param id a class id, in [0, {@link #classCount()})
     * @return the class name
     */
    public String decode(int id) {
        if (id < 0 || id >= classes.length) {
            throw new IllegalArgumentException("class id " + id + " outside [0, " + classes.length + ")");
        }
        return classes[id];
    }

    /**
     * The labels of {@code ids}.
     *
     * @param ids class ids, each in [0, {@link #classCount()})
     * @return one label per id, in order
     */
    public List<String> decode(int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int id : ids) {
            out.add(decode(id));
        }
        return out;
    }

    /**
     * Saves the classes to {@code path} atomically.
     *
     * @param path the file to write; an existing file is replaced only once the new one is complete
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path path) throws IOException {
        AtomicFiles.writeText(path, this::write);
    }

    /**
     * Loads an encoder saved by {@link #save}; a malformed or newer file gets an error naming the line.
     *
     * @param path the saved file
     * @return the encoder
     * @throws IOException when the file cannot be read, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line
     */
    public static LabelEncoder load(Path path) throws IOException {
        return LineReader.readUtf8(path, LabelEncoder::read);
    }

    /**
     * Writes the label section (header to {@code end}).
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        out.write(KIND + "\t" + VERSION + "\n");
        out.write("classes=" + classes.length + "\n");
        for (String c : classes) {
            out.write(TextEscaper.escape(c) + "\n");
        }
        out.write("end\n");
    }

    /**
     * Reads a label section written by {@link #write}.
     *
     * @param in the reader, positioned at the section's header line
     * @return the encoder
     * @throws IOException when reading fails, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line
     */
    public static LabelEncoder read(LineReader in) throws IOException {
        in.readHeader(KIND, VERSION);
        int count = (int) in.parseLong("classes", in.nextKeyValue("classes"), 0, 1 << 24);
        String[] classes = new String[count];
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String label = TextEscaper.unescape(in.next("class " + (i + 1) + " of " + count), "label", in);
            if (seen.put(label, i) != null) {
                throw in.error("field 'label': '" + label + "' occurs twice");
            }
            classes[i] = label;
        }
        in.expect("end");
        return new LabelEncoder(classes);
    }

    @Override
    public String toString() {
        return "LabelEncoder" + Arrays.toString(classes);
    }
}
