/**
 * Commands that show the text-vectorize module: {@code nlpkit onehot} prints the course's one-hot table.
 *
 * <pre>{@code
 * nlpkit onehot                                   # the 9 course words, 9 x 9
 * nlpkit onehot --sentence "the king and queen"   # a sentence as a time x vocabulary sequence
 * nlpkit onehot cat dog fish                      # any small vocabulary
 * }</pre>
 */
package dev.nlpkit.examples.vectorize;
