/**
 * Streaming corpus readers: labelled or unlabelled text out of the files people have, without loading
 * them: the Sentiment140 CSV, any CSV/TSV with a header (label and text columns named or detected), and
 * one document per line; plain, gzip or zip (the only entry or a named one), charset detected (UTF-8, else
 * ISO-8859-1 with a warning) or chosen. Bad
 * rows and invalid bytes either stop the read with file, line and reason, or are skipped/replaced and
 * counted in a {@link dev.nlpkit.preprocess.corpus.ReadReport}.
 *
 * <pre>{@code
 * try (Sentiment140Reader tweets = Sentiment140Reader.open(Path.of("training.1600000.csv.zip"),
 *         Sentiment140Reader.defaultOptions().withBadRows(BadRowPolicy.SKIP))) {
 *     for (LabelledText t : tweets) { train(t.label(), t.text()); }
 *     System.out.println(tweets.report().skipped() + " rows skipped: " + tweets.report().firstProblems());
 * }
 * try (var csv = DelimitedTextReader.open(Path.of("combined.csv.gz"));      // columns detected
 *      Stream<LabelledText> rows = csv.stream()) { rows.limit(10).forEach(System.out::println); }
 * try (CorpusReader any = CorpusLayout.open(path, ReadOptions.defaults())) { ... } // layout detected
 * }</pre>
 */
package dev.nlpkit.preprocess.corpus;
