package dev.nlpkit.embeddings.vectors;

/**
 * A word with a score from a query (cosine similarity, or the 3CosMul ratio).
 *
 * @param word  the word
 * @param index its row in the {@link WordVectors} (0 = most frequent)
 * @param score the score; higher is more similar
 */
public record ScoredWord(String word, int index, double score) {
}
