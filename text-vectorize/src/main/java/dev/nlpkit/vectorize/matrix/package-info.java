/**
 * Matrix types for vectorizer output: {@link dev.nlpkit.vectorize.matrix.CsrMatrix}, a compressed-sparse-row
 * float32 matrix (row pointers, column indices, values, shape) with row views, row dot products, dense
 * conversion and a stated memory footprint; {@link dev.nlpkit.vectorize.matrix.SparseRow}, one row or sparse
 * vector; and {@link dev.nlpkit.vectorize.matrix.DenseMatrix}, a row-major float32 matrix for when the caller
 * asks for dense output.
 *
 * <pre>{@code
 * CsrMatrix x = tfidf.transform(documents);          // [documents, vocabulary]
 * SparseRow first = x.row(0);                          // view, no copy
 * double cosine = x.dot(0, 1);                         // rows are L2-normalised
 * long bytes = x.memoryFootprintBytes();               // 4 (rows + 1) + 8 nnz + headers
 * float[][] dense = x.toDense().toArray();             // small matrices only
 * }</pre>
 */
package dev.nlpkit.vectorize.matrix;
