package dev.nlpkit.examples.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.examples.cli.BuildInfo;
import dev.nlpkit.recurrent.model.History;

/**
 * What {@code GET /v1/model} answers: what the bundle holds and nothing more. A bundle records its recipe, labels,
 * vocabulary, network and training history; it does not record the size of the training data, test metrics or
 * when it was made, so those are listed under {@code not_recorded} instead of being guessed (the file's
 * modification time is given as what it is).
 */
final class ModelCard {

    private ModelCard() {
    }

    /** The card of {@code model}, loaded from {@code file}. */
    static Map<String, Object> of(TextClassifier model, Path file, Neighbours neighbours) throws IOException {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("file", file.getFileName().toString());
        card.put("bytes", Files.size(file));
        card.put("sha256", sha256(file));
        card.put("file_modified", Files.getLastModifiedTime(file).toInstant().toString());
        card.put("nlpkit_version", BuildInfo.version());
        card.put("labels", model.labels());
        card.put("vocabulary_size", model.encoder().vocabulary().size());
        card.put("embedding_dimensions", neighbours.dimensions());
        card.put("parameters", model.network().parameters().stream().mapToLong(p -> p.size()).sum());
        TextClassifierOptions options = model.options();
        Map<String, Object> recipe = new LinkedHashMap<>();
        recipe.put("preprocess", options.preprocess().toString());
        recipe.put("sequence", options.sequence().toString());
        recipe.put("embedding", options.embedding().toString());
        recipe.put("network", options.network().toString());
        recipe.put("training", options.training().toString());
        card.put("recipe", recipe);
        card.put("network_summary", model.network().summary());
        card.put("history", history(model.history()));
        card.put("not_recorded", List.of("training data size", "test metrics", "creation time"));
        return card;
    }

    private static Map<String, Object> history(History history) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Map<String, Object>> epochs = new ArrayList<>();
        for (History.Epoch e : history.epochs()) {
            Map<String, Object> epoch = new LinkedHashMap<>();
            epoch.put("epoch", e.epoch());
            epoch.put("loss", finiteOrNull(e.loss()));
            epoch.put("accuracy", finiteOrNull(e.accuracy()));
            epoch.put("validation_loss", finiteOrNull(e.validationLoss()));
            epoch.put("validation_accuracy", finiteOrNull(e.validationAccuracy()));
            epochs.add(epoch);
        }
        out.put("epochs", epochs);
        out.put("best_epoch", history.epochs().isEmpty() ? null : history.bestEpoch());
        out.put("stopped_early", history.stoppedEarly());
        return out;
    }

    /** A metric the history did not measure (e.g. validation without validation data) is NaN: JSON null. */
    private static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
