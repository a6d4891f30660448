/**
 * Class labels: {@link dev.nlpkit.vectorize.label.LabelEncoder} maps string labels to class ids (sorted, as
 * scikit-learn's {@code LabelEncoder}) and back, and saves with the model that uses it.
 *
 * <pre>{@code
 * LabelEncoder labels = LabelEncoder.fit(targets);          // e.g. ["0", "4"] for Sentiment140
 * int[] y = labels.encode(targets);
 * labels.save(Path.of("labels.txt"));
 * String predicted = LabelEncoder.load(Path.of("labels.txt")).decode(1);   // "4"
 * }</pre>
 */
package dev.nlpkit.vectorize.label;
