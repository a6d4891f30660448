package dev.nlpkit.examples.cli;

import java.util.Locale;
import java.util.function.Consumer;

import dev.nlpkit.core.TrainingListener;
import dev.nlpkit.recurrent.model.BatchEnd;
import dev.nlpkit.recurrent.model.History;

/**
 * A training listener for the example commands: one progress bar per epoch showing the running batch loss and
 * accuracy, closed at the epoch's end, after which {@code onEpochEnd} reports the epoch (a line of the command's
 * own wording).
 */
final class EpochProgress implements TrainingListener<BatchEnd, History.Epoch>, AutoCloseable {

    private final int epochs;
    private final Consumer<History.Epoch> onEpochEnd;
    private Progress bar;

    EpochProgress(int epochs, Consumer<History.Epoch> onEpochEnd) {
        this.epochs = epochs;
        this.onEpochEnd = onEpochEnd;
    }

    @Override
    public void onProgress(BatchEnd b) {
        if (bar == null) {
            bar = Progress.start(String.format(Locale.ROOT, "epoch %d/%d", b.epoch() + 1, epochs), b.batches(),
                    "batches");
        }
        bar.message(String.format(Locale.ROOT, "loss %.4f acc %.4f", b.loss(), b.accuracy()));
        bar.stepTo(b.batch() + 1);
    }

    @Override
    public void onEpochEnd(History.Epoch epoch) {
        close();
        onEpochEnd.accept(epoch);
    }

    /** Closes an open bar (when training stops inside an epoch, so an error line starts on a line of its own). */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
