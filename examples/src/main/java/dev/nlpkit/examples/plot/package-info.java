/**
 * PNG charts of the sentiment workflow, drawn with XChart off-screen and written atomically: training and
 * validation loss and accuracy per epoch, ROC curves of several models side by side, and a 2-D map of word
 * vectors (PCA or t-SNE from Smile) coloured by the polarity of an opinion lexicon.
 *
 * <pre>{@code
 * TrainingHistory history = new TrainingHistory(trainLoss, trainAcc, valLoss, valAcc);
 * Charts.writeLossCurves(out.resolve("loss.png"), history);
 * Charts.writeAccuracyCurves(out.resolve("accuracy.png"), history);
 * Charts.writeRocCurves(out.resolve("roc.png"), Map.of("lstm", lstm.roc(), "tfidf-logreg", logreg.roc()));
 * double[][] xy = WordMapProjection.project(vectors, WordMapProjection.Method.PCA, 42);
 * Charts.writeWordMap(out.resolve("words.png"), "Word2Vec, frequent words", words, xy, polarities);
 * }</pre>
 */
package dev.nlpkit.examples.plot;
