package dev.nlpkit.embeddings.io;

/**
 * Whether a text word-vector file starts with a {@code "<count> <dimension>"} line.
 *
 * <p>word2vec.c and gensim's {@code save_word2vec_format} write one; GloVe's downloads ({@code glove.6B.100d.txt})
 * and gensim's {@code no_header=True} have none: every line is {@code word v1 ... vd}. Binary files always have the
 * header.
 */
public enum TextHeader {
    /** The word2vec header line is required (the default, as gensim's {@code no_header=False}). */
    COUNTS,
    /**
     * No header (GloVe): the dimension is the number of values on line 1 and every line holds one vector. Reading
     * makes one extra pass over the file to count its lines.
     */
    NONE,
    /**
     * Reading only: a first line of exactly two integers is taken as the header, any other first line as the
     * first vector of a headerless file. (A headerless file of one-dimensional vectors whose first word is a
     * number, such as {@code "1999 3"}, is read as having a header: say {@link #NONE} for such files.)
     */
    AUTO
}
