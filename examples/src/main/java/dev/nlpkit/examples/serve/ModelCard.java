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
import java.util.Optional;
import java.util.OptionalLong;

import dev.nlpkit.classify.ModelInfo;
import dev.nlpkit.classify.TextClassifier;
import dev.nlpkit.classify.TextClassifierOptions;
import dev.nlpkit.examples.cli.BuildInfo;
import dev.nlpkit.recurrent.model.History;

/**
 * What {@code GET /v1/model} answers: what the bundle holds and nothing more. A bundle records its recipe, labels,
 * vocabulary, network and training history, and (its {@code info} section, {@link ModelInfo}) when and by which
 * nlpkit it was made, the training, validation and test example counts and the test metrics. What a bundle did
 * not record (older bundles have no info section; a model fitted without evaluation has no test metrics) is listed
 * under {@code not_recorded} instead of being guessed (the file's modification time is given as what it is).
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
        ModelInfo info = model.info();
        List<String> notRecorded = new ArrayList<>();
        card.put("created", recorded(info.created().map(Object::toString), "creation time", notRecorded));
        card.put("trained_by_nlpkit", recorded(info.nlpkitVersion(), "training nlpkit version", notRecorded));
        Map<String, Object> examples = new LinkedHashMap<>();
        examples.put("training", count(info.trainingExamples(), "training data size", notRecorded));
        examples.put("validation", count(info.validationExamples(), "validation data size", notRecorded));
        examples.put("test", count(info.testExamples(), "test data size", notRecorded));
        card.put("examples", examples);
        card.put("test_metrics", recorded(info.testMetrics().map(ModelCard::metrics), "test metrics", notRecorded));
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
        recipe.put("blend", options.blend().toString());
        recipe.put("threshold", options.threshold().toString());
        card.put("recipe", recipe);
        card.put("threshold", model.threshold());
        card.put("network_summary", model.network().summary());
        card.put("history", history(model.history()));
        card.put("not_recorded", notRecorded);
        return card;
    }

    private static Object recorded(Optional<?> value, String name, List<String> notRecorded) {
        if (value.isEmpty()) {
            notRecorded.add(name);
        }
        return value.orElse(null);
    }

    private static Long count(OptionalLong value, String name, List<String> notRecorded) {
        if (value.isEmpty()) {
            notRecorded.add(name);
            return null;
        }
        return value.getAsLong();
    }

    private static Map<String, Object> metrics(ModelInfo.Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accuracy", finiteOrNull(m.accuracy()));
        out.put("precision", finiteOrNull(m.precision()));
        out.put("recall", finiteOrNull(m.recall()));
        out.put("f1", finiteOrNull(m.f1()));
        out.put("roc_auc", finiteOrNull(m.rocAuc()));
        return out;
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
