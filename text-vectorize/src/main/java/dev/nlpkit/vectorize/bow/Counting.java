package dev.nlpkit.vectorize.bow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

import dev.nlpkit.vectorize.matrix.CsrMatrix;
import dev.nlpkit.vectorize.vocab.Vocabulary;
import dev.nlpkit.vectorize.vocab.VocabularyOptions;

/**
 * The shared engine of {@link CountVectorizer} and {@link TfidfVectorizer}: n-gram expansion, vocabulary fitting
 * (parallel over contiguous chunks of a list, or streaming over any iterable) and the document-to-row pass that
 * counts known terms per document and hands the sorted (column, count) pairs to a {@link RowWeigher}.
 *
 * <p>Why it is fast: one hash probe per term ({@link Vocabulary#indexOf}, open addressing over cached string
 * hashes), a per-thread dense scratch array of counts indexed by column (no map per document), output written
 * straight into flat {@code int[]}/{@code float[]} arrays sized from an upper bound, and contiguous chunks
 * joined in order so the result is identical for any thread count.
 */
final class Counting {

    /** Turns one document's sorted distinct columns and their counts into float weights. */
    interface RowWeigher {
        void weigh(int[] columns, int[] counts, int n, int documentTerms, float[] out, int offset);
    }

    private Counting() {
    }

    /** The terms of a document: its tokens, then its 2-grams, ..., its maxNgram-grams (joined by one space). */
    static List<String> terms(List<String> tokens, int maxNgram) {
        if (maxNgram == 1) {
            return tokens;
        }
        int len = tokens.size();
        List<String> out = new ArrayList<>((int) Math.min(Integer.MAX_VALUE - 8, termCount(len, maxNgram)));
        out.addAll(tokens);
        StringBuilder gram = new StringBuilder(64);
        for (int n = 2; n <= maxNgram; n++) {
            for (int i = 0; i + n <= len; i++) {
                gram.setLength(0);
                gram.append(tokens.get(i));
                for (int j = i + 1; j < i + n; j++) {
                    gram.append(' ').append(tokens.get(j));
                }
                out.add(gram.toString());
            }
        }
        return out;
    }

    /** The number of terms {@link #terms} makes from {@code length} tokens. */
    static long termCount(int length, int maxNgram) {
        long total = 0;
        for (int n = 1; n <= maxNgram; n++) {
            total += Math.max(0, length - n + 1);
        }
        return total;
    }

    private static List<String> document(List<? extends List<String>> documents, int i) {
        List<String> document = documents.get(i);
        if (document == null) {
            throw new IllegalArgumentException("document " + i + " is null (use an empty list for an empty document)");
        }
        return document;
    }

    /** Counts and prunes the vocabulary of {@code documents} (streams them; parallel when they are a list). */
    static Vocabulary fit(Iterable<? extends List<String>> documents, int maxNgram, VocabularyOptions options,
                          int threads) {
        if (threads > 1 && documents instanceof List<? extends List<String>> list && list instanceof RandomAccess
                && list.size() >= 1024) {
            Vocabulary.Builder[] builders = new Vocabulary.Builder[threads];
            int n = list.size();
            Parallel.run(threads, chunk -> {
                Vocabulary.Builder builder = Vocabulary.builder(options);
                int from = (int) ((long) n * chunk / threads);
                int to = (int) ((long) n * (chunk + 1) / threads);
                for (int i = from; i < to; i++) {
                    builder.addDocument(terms(document(list, i), maxNgram));
                }
                builders[chunk] = builder;
            });
            for (int t = 1; t < threads; t++) {
                builders[0].merge(builders[t]);
                builders[t] = null;
            }
            return builders[0].build();
        }
        Vocabulary.Builder builder = Vocabulary.builder(options);
        long i = 0;
        for (List<String> document : documents) {
            if (document == null) {
                throw new IllegalArgumentException("document " + i + " is null (use an empty list for an empty document)");
            }
            builder.addDocument(terms(document, maxNgram));
            i++;
        }
        return builder.build();
    }

    /**
     * The fit + transform both vectorizers share: a random-access list is counted once; any other iterable is
     * fitted, then streamed a second time into exactly sized arrays.
     *
     * @param build     makes the fitted vectorizer from its vocabulary
     * @param weigherOf the row weigher of that vectorizer
     */
    static <V> Fitted<V> fitTransform(Iterable<? extends List<String>> documents, int maxNgram,
            VocabularyOptions options, int threads, Function<Vocabulary, V> build,
            Function<V, RowWeigher> weigherOf) {
        if (documents instanceof List<? extends List<String>> list && list instanceof RandomAccess) {
            CountingPass pass = count(list, maxNgram, options, threads);
            V vectorizer = build.apply(pass.vocabulary);
            return new Fitted<>(vectorizer, rows(pass, weigherOf.apply(vectorizer), null));
        }
        Vocabulary vocabulary = fit(documents, maxNgram, options, threads);
        V vectorizer = build.apply(vocabulary);
        return new Fitted<>(vectorizer, transformStreaming(vocabulary, maxNgram, documents,
                weigherOf.apply(vectorizer), null, vocabulary.totalDocumentFrequency()));
    }

    /**
     * The counting pass of a single-pass fit + transform of a list: the vocabulary, and for each contiguous chunk
     * the builder id of every term of every document (4 bytes per term) with the document boundaries, so that
     * {@link #rows} makes the matrix without hashing a term again (the way scikit-learn's fit_transform works).
     */
    static final class CountingPass {
        final Vocabulary vocabulary;
        final Vocabulary.Builder[] builders;
        final int[][] termIds;
        final int[][] documentEnds;
        /** Per chunk, the number of builder ids its documents use (builder 0 grows when the others merge in). */
        final int[] handedOut;

        private CountingPass(Vocabulary vocabulary, Vocabulary.Builder[] builders, int[][] termIds,
                             int[][] documentEnds, int[] handedOut) {
            this.vocabulary = vocabulary;
            this.builders = builders;
            this.termIds = termIds;
            this.documentEnds = documentEnds;
            this.handedOut = handedOut;
        }
    }

    /** Counts {@code documents} in {@code threads} contiguous chunks, keeping each term's builder id. */
    static CountingPass count(List<? extends List<String>> documents, int maxNgram, VocabularyOptions options,
                              int threads) {
        int n = documents.size();
        int pieces = n >= 1024 ? threads : 1;
        Vocabulary.Builder[] builders = new Vocabulary.Builder[pieces];
        int[][] termIds = new int[pieces][];
        int[][] documentEnds = new int[pieces][];
        Parallel.run(pieces, piece -> {
            int from = (int) ((long) n * piece / pieces);
            int to = (int) ((long) n * (piece + 1) / pieces);
            long total = 0;
            for (int i = from; i < to; i++) {
                total += termCount(document(documents, i).size(), maxNgram);
            }
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException(total + " terms in one chunk: use more threads or fit() then "
                        + "transform() in parts");
            }
            int[] ids = new int[(int) total];
            int[] ends = new int[to - from];
            Vocabulary.Builder builder = Vocabulary.builder(options);
            int at = 0;
            for (int i = from; i < to; i++) {
                List<String> terms = terms(documents.get(i), maxNgram);
                builder.addDocument(terms, ids, at);
                at += terms.size();
                ends[i - from] = at;
            }
            builders[piece] = builder;
            termIds[piece] = ids;
            documentEnds[piece] = ends;
        });
        int[] handedOut = new int[pieces];
        for (int t = 0; t < pieces; t++) {
            handedOut[t] = builders[t].distinctTerms();
        }
        for (int t = 1; t < pieces; t++) {
            builders[0].merge(builders[t]); // appends to builder 0: the ids it handed out stay valid
        }
        return new CountingPass(builders[0].build(), builders, termIds, documentEnds, handedOut);
    }

    /** The rows of the documents counted by {@code pass}, weighed by {@code weigher}; one thread per chunk. */
    static CsrMatrix rows(CountingPass pass, RowWeigher weigher, TokenStats stats) {
        int pieces = pass.builders.length;
        Chunk[] chunks = new Chunk[pieces];
        Parallel.run(pieces, piece -> {
            int[] map = pass.builders[piece].idsIn(pass.vocabulary, pass.handedOut[piece]);
            pass.builders[piece] = null;
            int[] ids = pass.termIds[piece];
            int[] ends = pass.documentEnds[piece];
            Chunk chunk = new Chunk(ids.length);
            RowCounter counter = new RowCounter(pass.vocabulary, 1, weigher);
            int start = 0;
            for (int end : ends) {
                counter.addMapped(ids, start, end, map, chunk);
                start = end;
            }
            pass.termIds[piece] = null;
            chunks[piece] = chunk;
        });
        return assemble(pass.vocabulary.size(), chunks, stats);
    }

    /** One contiguous run of rows. */
    private static final class Chunk {
        int[] columns;
        float[] values;
        int size;
        int[] rowSizes = new int[1024];
        int rows;
        long terms;
        long unknown;
        long empty;

        Chunk(long capacity) {
            int c = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, capacity));
            columns = new int[c];
            values = new float[c];
        }

        void ensure(int extra) {
            if (size + extra > columns.length) {
                int c = (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) size + extra, columns.length * 3L / 2));
                columns = Arrays.copyOf(columns, c);
                values = Arrays.copyOf(values, c);
            }
        }
    }

    /** Per-thread scratch: a dense count per column and the list of columns touched by the current document. */
    private static final class RowCounter {
        private final Vocabulary vocabulary;
        private final int reserved;
        private final int maxNgram;
        private final RowWeigher weigher;
        /** The uni- and bigram ids without bigram strings (null: the string path); see {@link BigramIndex}. */
        private final BigramIndex bigrams;
        private final int[] counts;
        private int[] touched = new int[256];
        private int[] rowCounts = new int[256];
        private int[] words = new int[256];
        private int[] termIds = new int[512];

        RowCounter(Vocabulary vocabulary, int maxNgram, RowWeigher weigher) {
            this(vocabulary, maxNgram, weigher, null);
        }

        RowCounter(Vocabulary vocabulary, int maxNgram, RowWeigher weigher, BigramIndex bigrams) {
            this.vocabulary = vocabulary;
            this.reserved = vocabulary.reservedCount();
            this.maxNgram = maxNgram;
            this.weigher = weigher;
            this.bigrams = maxNgram == 2 ? bigrams : null;
            this.counts = new int[vocabulary.size()];
        }

        /** {@link #add} through the bigram index; false (nothing counted) when the document needs the string path. */
        private boolean addIndexed(List<String> tokens, Chunk chunk) {
            int len = tokens.size();
            int documentTerms = len == 0 ? 0 : 2 * len - 1;
            if (len > words.length) {
                words = new int[Math.max(len, words.length * 2)];
            }
            if (documentTerms > termIds.length) {
                termIds = new int[Math.max(documentTerms, termIds.length * 2)];
            }
            if (!bigrams.ids(tokens, words, termIds)) {
                return false;
            }
            int n = 0;
            long unknown = 0;
            int[] c = counts;
            int[] ids = termIds;
            for (int i = 0; i < documentTerms; i++) {
                int id = ids[i];
                if (id < reserved) {
                    unknown++;
                    continue;
                }
                if (c[id]++ == 0) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = id;
                }
            }
            emit(n, documentTerms, unknown, chunk);
            return true;
        }

        /** A document given as builder ids {@code ids[from, to)} mapped to columns by {@code map} (-1 = unknown). */
        void addMapped(int[] ids, int from, int to, int[] map, Chunk chunk) {
            int n = 0;
            long unknown = 0;
            int[] c = counts;
            for (int i = from; i < to; i++) {
                int id = map[ids[i]];
                if (id < reserved) {
                    unknown++;
                    continue;
                }
                if (c[id]++ == 0) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = id;
                }
            }
            emit(n, to - from, unknown, chunk);
        }

        void add(List<String> tokens, Chunk chunk) {
            if (bigrams != null && addIndexed(tokens, chunk)) {
                return;
            }
            List<String> terms = terms(tokens, maxNgram);
            int documentTerms = terms.size();
            int n = 0;
            long unknown = 0;
            int[] c = counts;
            for (int i = 0; i < documentTerms; i++) {
                String term = terms.get(i);
                if (term == null) {
                    throw new IllegalArgumentException("null token at position " + i + " of a document");
                }
                int id = vocabulary.indexOf(term);
                if (id < reserved) {
                    unknown++;
                    continue;
                }
                if (c[id]++ == 0) {
                    if (n == touched.length) {
                        touched = Arrays.copyOf(touched, n * 2);
                    }
                    touched[n++] = id;
                }
            }
            emit(n, documentTerms, unknown, chunk);
        }

        /** Sorts the touched columns, reads and clears their counts, and appends the weighed row. */
        private void emit(int n, int documentTerms, long unknown, Chunk chunk) {
            int[] c = counts;
            if (n > 1) {
                Arrays.sort(touched, 0, n);
            }
            if (n > rowCounts.length) {
                rowCounts = new int[touched.length];
            }
            for (int k = 0; k < n; k++) {
                rowCounts[k] = c[touched[k]];
                c[touched[k]] = 0;
            }
            chunk.ensure(n);
            System.arraycopy(touched, 0, chunk.columns, chunk.size, n);
            weigher.weigh(touched, rowCounts, n, documentTerms, chunk.values, chunk.size);
            chunk.size += n;
            if (chunk.rows == chunk.rowSizes.length) {
                chunk.rowSizes = Arrays.copyOf(chunk.rowSizes, chunk.rows * 2);
            }
            chunk.rowSizes[chunk.rows++] = n;
            chunk.terms += documentTerms;
            chunk.unknown += unknown;
            if (n == 0) {
                chunk.empty++;
            }
        }
    }

    /** Rows for a list of documents, on {@code threads} threads over contiguous chunks. */
    static CsrMatrix transform(Vocabulary vocabulary, int maxNgram, List<? extends List<String>> documents,
                               RowWeigher weigher, int threads, TokenStats stats) {
        return transform(vocabulary, maxNgram, documents, weigher, threads, stats, null);
    }

    /** {@link #transform} with the vocabulary's {@link BigramIndex} (or null), for the same rows sooner. */
    static CsrMatrix transform(Vocabulary vocabulary, int maxNgram, List<? extends List<String>> documents,
                               RowWeigher weigher, int threads, TokenStats stats, BigramIndex bigrams) {
        int n = documents.size();
        int pieces = n >= 1024 ? threads : 1;
        Chunk[] chunks = new Chunk[pieces];
        Parallel.run(pieces, piece -> {
            int from = (int) ((long) n * piece / pieces);
            int to = (int) ((long) n * (piece + 1) / pieces);
            long bound = 0;
            for (int i = from; i < to; i++) {
                bound += termCount(document(documents, i).size(), maxNgram);
            }
            Chunk chunk = new Chunk(bound);
            RowCounter counter = new RowCounter(vocabulary, maxNgram, weigher, bigrams);
            for (int i = from; i < to; i++) {
                counter.add(documents.get(i), chunk);
            }
            chunks[piece] = chunk;
        });
        return assemble(vocabulary.size(), chunks, stats);
    }

    /**
     * Rows for any iterable, streaming, on the calling thread. {@code expectedNonZeros} (or -1) sizes the output
     * exactly when known, e.g. the sum of document frequencies when transforming the fitted documents.
     */
    static CsrMatrix transformStreaming(Vocabulary vocabulary, int maxNgram, Iterable<? extends List<String>> documents,
                                        RowWeigher weigher, TokenStats stats, long expectedNonZeros) {
        return transformStreaming(vocabulary, maxNgram, documents, weigher, stats, expectedNonZeros, null);
    }

    /** {@link #transformStreaming} with the vocabulary's {@link BigramIndex} (or null). */
    static CsrMatrix transformStreaming(Vocabulary vocabulary, int maxNgram, Iterable<? extends List<String>> documents,
                                        RowWeigher weigher, TokenStats stats, long expectedNonZeros,
                                        BigramIndex bigrams) {
        Chunk chunk = new Chunk(expectedNonZeros >= 0 ? expectedNonZeros : 1 << 16);
        RowCounter counter = new RowCounter(vocabulary, maxNgram, weigher, bigrams);
        long i = 0;
        for (List<String> document : documents) {
            if (document == null) {
                throw new IllegalArgumentException("document " + i + " is null (use an empty list for an empty document)");
            }
            counter.add(document, chunk);
            i++;
        }
        return assemble(vocabulary.size(), new Chunk[] {chunk}, stats);
    }

    private static CsrMatrix assemble(int columns, Chunk[] chunks, TokenStats stats) {
        long rows = 0;
        long nnz = 0;
        for (Chunk chunk : chunks) {
            rows += chunk.rows;
            nnz += chunk.size;
            if (stats != null) {
                stats.add(chunk.rows, chunk.terms, chunk.unknown, chunk.empty);
            }
        }
        if (nnz > Integer.MAX_VALUE - 8 || rows > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("the matrix would have " + nnz + " non-zeros in " + rows
                    + " rows, more than one CSR matrix holds; transform the documents in parts");
        }
        int[] pointers = new int[(int) rows + 1];
        int r = 0;
        int offset = 0;
        for (Chunk chunk : chunks) {
            for (int k = 0; k < chunk.rows; k++) {
                offset += chunk.rowSizes[k];
                pointers[++r] = offset;
            }
        }
        int[] cols;
        float[] vals;
        if (chunks.length == 1 && chunks[0].columns.length == nnz) {
            cols = chunks[0].columns;
            vals = chunks[0].values;
        } else {
            cols = new int[(int) nnz];
            vals = new float[(int) nnz];
            int at = 0;
            for (int c = 0; c < chunks.length; c++) {
                System.arraycopy(chunks[c].columns, 0, cols, at, chunks[c].size);
                System.arraycopy(chunks[c].values, 0, vals, at, chunks[c].size);
                at += chunks[c].size;
                chunks[c] = null;
            }
        }
        return new CsrMatrix((int) rows, columns, pointers, cols, vals);
    }
}
