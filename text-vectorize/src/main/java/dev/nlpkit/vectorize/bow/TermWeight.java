package dev.nlpkit.vectorize.bow;

/**
 * A term of a document with its column and weight, as returned by {@link TfidfVectorizer#topTerms}.
 *
 * @param term   the term (an n-gram's tokens joined by one space)
 * @param column its column in the matrix
 * @param weight its weight in the document's row
 */
public record TermWeight(String term, int column, float weight) {
}
