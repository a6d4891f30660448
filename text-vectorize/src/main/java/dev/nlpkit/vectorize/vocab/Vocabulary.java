package dev.nlpkit.vectorize.vocab;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.RandomAccess;

import dev.nlpkit.core.AtomicFiles;
import dev.nlpkit.vectorize.io.LineReader;
import dev.nlpkit.vectorize.io.TextEscaper;

/**
 * An immutable, thread-safe mapping between terms and dense integer ids {@code 0..size()-1}, with each term's
 * corpus count and document frequency. Lookups are O(1) both ways: {@link #term(int)} indexes an array,
 * {@link #indexOf(String)} probes an open-addressing hash table (no boxing).
 *
 * <p>Ids: the reserved entries come first ({@code <pad>} = 0, {@code <unk>} = 1, see {@link ReservedTokens}),
 * then the real terms in the {@link TermOrder} of the options. Made by {@link Builder} from documents in one
 * streaming pass, by {@link #of} from an explicit term list, or by {@link #load}.
 *
 * <p>File format (UTF-8 text, version 1): the line {@code nlpkit-vocabulary<TAB>1}; the lines
 * {@code reserved=..}, {@code order=..}, {@code documents=N}, {@code terms=M}; then M lines
 * {@code term<TAB>count<TAB>df} for the real terms in id order (terms escaped by {@link TextEscaper}); then the
 * line {@code end}. Reserved entries are implied by {@code reserved}.
 */
public final class Vocabulary {

    /** The padding entry's term (id 0 when reserved). */
    public static final String PAD = "<pad>";
    /** The unknown-token entry's term (id 1 when reserved). */
    public static final String UNK = "<unk>";
    /** The padding id. */
    public static final int PAD_ID = 0;
    /** The unknown-token id. */
    public static final int UNK_ID = 1;

    static final String KIND = "nlpkit-vocabulary";
    static final int VERSION = 1;

    private final String[] terms;
    private final long[] counts;
    private final long[] documentFrequencies;
    private final long documentCount;
    private final TermOrder order;
    private final ReservedTokens reserved;
    private final TermTable index;

    private Vocabulary(String[] terms, long[] counts, long[] documentFrequencies, long documentCount,
                       TermOrder order, ReservedTokens reserved) {
        this.terms = terms;
        this.counts = counts;
        this.documentFrequencies = documentFrequencies;
        this.documentCount = documentCount;
        this.order = order;
        this.reserved = reserved;
        this.index = TermTable.over(terms, terms.length);
    }

    /**
     * A new builder that counts documents and prunes with {@code options}.
     *
     * @param options pruning, order and reserved entries applied by {@link Builder#build()}
     * @return an empty builder
     */
    public static Builder builder(VocabularyOptions options) {
        return new Builder(options);
    }

    /**
     * A vocabulary of exactly {@code terms} in the given order (after the reserved entries); counts are 0.
     *
     * @param terms the real terms, in id order after the reserved entries
     * @param reserved the reserved entries placed first
     * @return the vocabulary
     * @throws IllegalArgumentException on a duplicate, null or reserved term
     */
    public static Vocabulary of(List<String> terms, ReservedTokens reserved) {
        int r = reserved.count();
        String[] all = new String[r + terms.size()];
        fillReserved(all, reserved);
        TermTable seen = new TermTable(terms.size());
        for (int i = 0; i < terms.size(); i++) {
            String term = terms.get(i);
            if (term == null) {
                throw new IllegalArgumentException("term " + i + " is null");
            }
            if (isReservedTerm(term, reserved)) {
                throw new IllegalArgumentException("term " + i + " '" + term + "' is a reserved entry");
            }
            if (seen.find(term) >= 0) {
                throw new IllegalArgumentException("term " + i + " '" + term + "' occurs twice");
            }
            seen.add(term);
            all[r + i] = term;
        }
        return new Vocabulary(all, new long[all.length], new long[all.length], 0, TermOrder.GIVEN, reserved);
    }

    /**
     * {@link #of(List, ReservedTokens)} without reserved entries.
     *
     * @param terms the terms, in id order
     * @return the vocabulary
     */
    public static Vocabulary of(String... terms) {
        return of(List.of(terms), ReservedTokens.NONE);
    }

    private static void fillReserved(String[] all, ReservedTokens reserved) {
        if (reserved.count() > 0) {
            all[PAD_ID] = PAD;
        }
        if (reserved.count() > 1) {
            all[UNK_ID] = UNK;
        }
    }

    private static boolean isReservedTerm(String term, ReservedTokens reserved) {
        return (reserved.count() > 0 && term.equals(PAD)) || (reserved.count() > 1 && term.equals(UNK));
    }

    /**
     * The number of ids, reserved entries included.
     *
     * @return the size, >= {@link #reservedCount()}
     */
    public int size() {
        return terms.length;
    }

    /**
     * The number of reserved ids; the first real term has this id.
     *
     * @return 0, 1 or 2
     */
    public int reservedCount() {
        return reserved.count();
    }

    /**
     * The reserved entries at the first ids.
     *
     * @return the reserved entries
     */
    public ReservedTokens reserved() {
        return reserved;
    }

    /**
     * The order the real terms are in.
     *
     * @return the term order
     */
    public TermOrder order() {
        return order;
    }

    /**
     * The term with id {@code id}.
     *
     * @param id an id, in [0, {@link #size()})
     * @return the term
     */
    public String term(int id) {
        return terms[id];
    }

    /**
     * The id of {@code term}, or -1 when it is not in the vocabulary. Reserved terms map to their ids.
     *
     * @param term a term; not null
     * @return its id, or -1
     */
    public int indexOf(String term) {
        return index.find(term);
    }

    /**
     * Whether {@code term} has an id.
     *
     * @param term a term; not null
     * @return true when {@link #indexOf} is not -1
     */
    public boolean contains(String term) {
        return index.find(term) >= 0;
    }

    /**
     * Corpus count of the term with id {@code id} (0 for reserved entries and for {@link #of}).
     *
     * @param id an id, in [0, {@link #size()})
     * @return the corpus count
     */
    public long count(int id) {
        return counts[id];
    }

    /**
     * Number of counted documents that contain the term with id {@code id}.
     *
     * @param id an id, in [0, {@link #size()})
     * @return the document frequency, 0 for reserved entries
     */
    public long documentFrequency(int id) {
        return documentFrequencies[id];
    }

    /**
     * Number of documents counted by the builder (0 for {@link #of}).
     *
     * @return the number of documents counted
     */
    public long documentCount() {
        return documentCount;
    }

    /**
     * All terms in id order (reserved entries included), as an unmodifiable view.
     *
     * @return the terms, unmodifiable
     */
    public List<String> terms() {
        return new TermList();
    }

    /**
     * Sum of the document frequencies of the real terms: the non-zeros of the count matrix of the fitted docs.
     *
     * @return the total document frequency
     */
    public long totalDocumentFrequency() {
        long total = 0;
        for (long df : documentFrequencies) {
            total += df;
        }
        return total;
    }

    /**
     * Estimated heap bytes held by this vocabulary (64-bit JVM, compressed references): the strings (24-byte
     * object plus a 16-byte-header byte array, one byte per char for Latin-1 text, two otherwise), the term,
     * count and frequency arrays and the hash index.
     *
     * @return the estimated heap bytes
     */
    public long memoryFootprintBytes() {
        long bytes = 16 + 16L + 8L * counts.length + 16L + 8L * documentFrequencies.length + index.indexBytes();
        for (String term : terms) {
            boolean latin1 = true;
            for (int i = 0; i < term.length() && latin1; i++) {
                latin1 = term.charAt(i) < 256;
            }
            long array = 16L + (latin1 ? term.length() : 2L * term.length());
            bytes += 24 + ((array + 7) & ~7L);
        }
        return bytes;
    }

    /**
     * Saves to {@code path} atomically (see the class comment for the format).
     *
     * @param path the file to write; an existing file is replaced only once the new one is complete
     * @throws IOException when the folder is missing or not writable
     */
    public void save(Path path) throws IOException {
        AtomicFiles.writeText(path, this::write);
    }

    /**
     * Loads a vocabulary saved by {@link #save}; a malformed file gets an error with its line number.
     *
     * @param path the saved file
     * @return the vocabulary
     * @throws IOException when the file cannot be read, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line
     */
    public static Vocabulary load(Path path) throws IOException {
        return LineReader.readUtf8(path, Vocabulary::read);
    }

    /**
     * Writes the vocabulary section (header to {@code end}) to {@code out}.
     *
     * @param out where to write; not closed
     * @throws IOException when writing fails
     */
    public void write(Writer out) throws IOException {
        out.write(KIND + "\t" + VERSION + "\n");
        out.write("reserved=" + reserved + "\n");
        out.write("order=" + order + "\n");
        out.write("documents=" + documentCount + "\n");
        out.write("terms=" + (terms.length - reserved.count()) + "\n");
        StringBuilder line = new StringBuilder(64);
        for (int id = reserved.count(); id < terms.length; id++) {
            line.setLength(0);
            line.append(TextEscaper.escape(terms[id])).append('\t').append(counts[id]).append('\t')
                    .append(documentFrequencies[id]).append('\n');
            out.append(line);
        }
        out.write("end\n");
    }

    /**
     * Reads a vocabulary section written by {@link #write}.
     *
     * @param in the reader, positioned at the section's header line
     * @return the vocabulary
     * @throws IOException when reading fails, or a {@link dev.nlpkit.vectorize.io.FileFormatException
     *                     FileFormatException} naming the line and field
     */
    public static Vocabulary read(LineReader in) throws IOException {
        in.readHeader(KIND, VERSION);
        ReservedTokens reserved = in.parseEnum("reserved", in.nextKeyValue("reserved"), ReservedTokens.class);
        TermOrder order = in.parseEnum("order", in.nextKeyValue("order"), TermOrder.class);
        long documents = in.parseLong("documents", in.nextKeyValue("documents"), 0, Long.MAX_VALUE);
        int count = (int) in.parseLong("terms", in.nextKeyValue("terms"), 0, Integer.MAX_VALUE - 8);
        int r = reserved.count();
        String[] terms = new String[r + count];
        long[] counts = new long[r + count];
        long[] dfs = new long[r + count];
        fillReserved(terms, reserved);
        TermTable seen = new TermTable(Math.min(count, 1 << 20));
        for (int i = 0; i < count; i++) {
            String[] fields = in.nextFields("term " + (i + 1) + " of " + count + " (term<TAB>count<TAB>df)", 3);
            String term = TextEscaper.unescape(fields[0], "term", in);
            if (isReservedTerm(term, reserved) || seen.find(term) >= 0) {
                throw in.error("field 'term': '" + term + "' occurs twice");
            }
            seen.add(term);
            terms[r + i] = term;
            counts[r + i] = in.parseLong("count", fields[1], 0, Long.MAX_VALUE);
            dfs[r + i] = in.parseLong("df", fields[2], 0, documents);
        }
        in.expect("end");
        return new Vocabulary(terms, counts, dfs, documents, order, reserved);
    }

    @Override
    public String toString() {
        return "Vocabulary[size=" + terms.length + ", reserved=" + reserved + ", order=" + order + ", documents="
                + documentCount + "]";
    }

    private final class TermList extends AbstractList<String> implements RandomAccess {
        @Override
        public String get(int i) {
            return terms[i];
        }

        @Override
        public int size() {
            return terms.length;
        }
    }

    /**
     * Counts term and document frequencies over documents given one at a time (streaming: no document is
     * kept), then {@link #build()}s a pruned, ordered {@link Vocabulary}. Not thread-safe: give each thread
     * its own builder and {@link #merge} them; the result does not depend on how documents were split.
     */
    public static final class Builder {

        private final VocabularyOptions options;
        private final TermTable table = new TermTable(1 << 12);
        /**
         * Per term id, three adjacent longs: corpus count, document frequency, last document counted (the
         * stamp that makes the frequency count once per document). Adjacent so that a token touches one cache
         * line.
         */
        private long[] stats = new long[3 << 12];
        private long documents;

        private Builder(VocabularyOptions options) {
            if (options == null) {
                throw new IllegalArgumentException("options must not be null");
            }
            this.options = options;
        }

        /**
         * Counts one document: each term's count, and its document frequency once per document.
         *
         * @param document the document's tokens; none null
         * @return this builder
         */
        public Builder addDocument(List<String> document) {
            return addDocument(document, null, 0);
        }

        /**
         * Counts one document as {@link #addDocument(List)} and also writes the builder id of each of its terms to
         * {@code termIds[offset ..]} (when not null), so that a caller can make the count matrix of the same
         * documents in the same pass: after {@link #build()}, {@link #idsIn(Vocabulary)} maps builder ids to
         * vocabulary ids without hashing the terms again.
         *
         * @param document the document's tokens; none null
         * @param termIds receives the builder id of each token, or null to skip
         * @param offset where in {@code termIds} the document's first token goes
         * @return this builder
         */
        public Builder addDocument(List<String> document, int[] termIds, int offset) {
            long stamp = ++documents;
            for (int i = 0, n = document.size(); i < n; i++) {
                String term = document.get(i);
                if (term == null) {
                    throw new IllegalArgumentException("document " + stamp + " has a null token at position " + i);
                }
                int id = table.add(term);
                int at = 3 * id;
                if (at == stats.length) {
                    stats = Arrays.copyOf(stats, stats.length * 2);
                }
                long[] st = stats;
                st[at]++;
                if (st[at + 2] != stamp) {
                    st[at + 2] = stamp;
                    st[at + 1]++;
                }
                if (termIds != null) {
                    termIds[offset + i] = id;
                }
            }
            return this;
        }

        /**
         * For each builder id (as written by {@link #addDocument(List, int[], int)}), the id of the same term in
         * {@code vocabulary}, or -1 when the vocabulary does not have it (pruned).
         *
         * @param vocabulary a vocabulary built from this builder
         * @return a fresh array indexed by builder id
         */
        public int[] idsIn(Vocabulary vocabulary) {
            return idsIn(vocabulary, table.size);
        }

        /**
         * As {@link #idsIn(Vocabulary)} for builder ids {@code 0..count-1} only, e.g. the ids this builder handed
         * out before other builders were {@link #merge}d into it (merging only appends ids).
         *
         * @param vocabulary a vocabulary built from this builder
         * @param count how many builder ids to map, from 0
         * @return a fresh array of {@code count} ids
         */
        public int[] idsIn(Vocabulary vocabulary, int count) {
            if (count < 0 || count > table.size) {
                throw new IllegalArgumentException("count " + count + " outside [0, " + table.size + "]");
            }
            int[] map = new int[count];
            for (int id = 0; id < count; id++) {
                map[id] = vocabulary.indexOf(table.terms[id]);
            }
            return map;
        }

        /**
         * Counts every document of {@code documents}, streaming.
         *
         * @param documents tokenized documents, iterated once
         * @return this builder
         */
        public Builder addDocuments(Iterable<? extends List<String>> documents) {
            for (List<String> document : documents) {
                addDocument(document);
            }
            return this;
        }

        /**
         * Adds the counts of {@code other} (e.g. another thread's builder) to this one.
         *
         * @param other another builder; not changed
         * @return this builder
         */
        public Builder merge(Builder other) {
            if (other == this) {
                throw new IllegalArgumentException("cannot merge a builder into itself");
            }
            for (int j = 0; j < other.table.size; j++) {
                int at = 3 * table.add(other.table.terms[j]);
                if (at == stats.length) {
                    stats = Arrays.copyOf(stats, stats.length * 2);
                }
                stats[at] += other.stats[3 * j];
                stats[at + 1] += other.stats[3 * j + 1];
            }
            documents += other.documents;
            return this;
        }

        /**
         * Documents counted so far.
         *
         * @return the number of documents counted
         */
        public long documentCount() {
            return documents;
        }

        /**
         * Distinct terms counted so far (before pruning).
         *
         * @return the number of distinct terms
         */
        public int distinctTerms() {
            return table.size;
        }

        /**
         * The pruned, ordered vocabulary (see {@link VocabularyOptions} for the rules). The builder stays
         * usable.
         *
         * @return the vocabulary
         * @throws IllegalArgumentException when the maximum document frequency resolves below the minimum
         */
        public Vocabulary build() {
            double minDf = options.minDocumentFrequency().threshold(documents);
            double maxDf = options.maxDocumentFrequency().threshold(documents);
            if (documents > 0 && maxDf < minDf) {
                throw new IllegalArgumentException("the maximum document frequency (" + options.maxDocumentFrequency()
                        + " = " + maxDf + ") is below the minimum (" + options.minDocumentFrequency() + " = "
                        + minDf + ") for " + documents + " documents");
            }
            ReservedTokens reserved = options.reserved();
            int kept = 0;
            int[] ids = new int[table.size];
            for (int id = 0; id < table.size; id++) {
                long df = stats[3 * id + 1];
                if (stats[3 * id] >= options.minCount() && df >= minDf && df <= maxDf
                        && !isReservedTerm(table.terms[id], reserved)) {
                    ids[kept++] = id;
                }
            }
            ids = alphabetical(Arrays.copyOf(ids, kept));
            if (options.maxSize() > 0 && ids.length > options.maxSize()) {
                ids = Arrays.copyOf(byCountDescending(ids), options.maxSize());
                if (options.order() == TermOrder.ALPHABETICAL) {
                    ids = alphabetical(ids);
                }
            }
            if (options.order() == TermOrder.FREQUENCY) {
                ids = byCountDescending(ids);
            }
            String[] t = table.terms;
            int r = reserved.count();
            String[] terms = new String[r + ids.length];
            long[] c = new long[terms.length];
            long[] d = new long[terms.length];
            fillReserved(terms, reserved);
            for (int i = 0; i < ids.length; i++) {
                int id = ids[i];
                terms[r + i] = t[id];
                c[r + i] = stats[3 * id];
                d[r + i] = stats[3 * id + 1];
            }
            return new Vocabulary(terms, c, d, documents, options.order(), reserved);
        }

        /**
         * The ids sorted by term in code-point order. Why sort strings rather than ids with a comparator: the
         * natural {@link String} order runs on intrinsified compares and equals code-point order when no term
         * holds a surrogate (checked while counting); the ids are then found again through the hash index.
         */
        private int[] alphabetical(int[] ids) {
            if (!table.wide && ids.length < (1 << 23)) {
                return alphabeticalByPrefix(ids);
            }
            String[] keys = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                keys[i] = table.terms[ids[i]];
            }
            if (table.surrogates) {
                Arrays.sort(keys, CodePointOrder.INSTANCE);
            } else {
                Arrays.sort(keys);
            }
            int[] sorted = new int[ids.length];
            for (int i = 0; i < keys.length; i++) {
                sorted[i] = table.find(keys[i]);
            }
            return sorted;
        }

        /**
         * Alphabetical order when every char is below U+0100: one primitive sort of
         * {@code prefix << 23 | position} keys, where the prefix packs the first 5 chars (8 bits each, 0 past the
         * end), then a full string sort inside each run of equal prefixes. Why: comparing strings scattered over
         * the heap costs a cache miss per compare; the primitive sort touches one array.
         */
        private int[] alphabeticalByPrefix(int[] ids) {
            int n = ids.length;
            String[] t = table.terms;
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                String term = t[ids[i]];
                long prefix = 0;
                for (int k = 0; k < 5; k++) {
                    prefix = (prefix << 8) | (k < term.length() ? term.charAt(k) : 0);
                }
                keys[i] = (prefix << 23) | i;
            }
            Arrays.sort(keys);
            int[] sorted = new int[n];
            int mask = (1 << 23) - 1;
            for (int i = 0; i < n; ) {
                int j = i + 1;
                long prefix = keys[i] >>> 23;
                while (j < n && (keys[j] >>> 23) == prefix) {
                    j++;
                }
                if (j - i == 1) {
                    sorted[i] = ids[(int) (keys[i] & mask)];
                } else {
                    String[] group = new String[j - i];
                    for (int k = i; k < j; k++) {
                        group[k - i] = t[ids[(int) (keys[k] & mask)]];
                    }
                    Arrays.sort(group);
                    for (int k = i; k < j; k++) {
                        sorted[k] = table.find(group[k - i]);
                    }
                }
                i = j;
            }
            return sorted;
        }

        /**
         * Stable sort of {@code ids} by count descending (so ids already in term order end up ordered by count,
         * then term): one primitive sort of {@code (MAX - count) << 32 | position} keys.
         */
        private int[] byCountDescending(int[] ids) {
            long[] keys = new long[ids.length];
            for (int i = 0; i < ids.length; i++) {
                long count = stats[3 * ids[i]];
                if (count > Integer.MAX_VALUE) {
                    return byCountDescendingBoxed(ids);
                }
                keys[i] = ((Integer.MAX_VALUE - count) << 32) | i;
            }
            Arrays.sort(keys);
            int[] sorted = new int[ids.length];
            for (int i = 0; i < keys.length; i++) {
                sorted[i] = ids[(int) keys[i]];
            }
            return sorted;
        }

        private int[] byCountDescendingBoxed(int[] ids) {
            Integer[] boxed = new Integer[ids.length];
            for (int i = 0; i < ids.length; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, Comparator.comparingLong((Integer i) -> stats[3 * ids[i]]).reversed()
                    .thenComparingInt(i -> i));
            int[] sorted = new int[ids.length];
            for (int i = 0; i < ids.length; i++) {
                sorted[i] = ids[boxed[i]];
            }
            return sorted;
        }
    }
}
