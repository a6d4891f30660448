package dev.nlpkit.examples.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Wall-clock time per stage of a workflow ("read", "preprocess", "word2vec", ...), in the order the stages ran.
 * Not thread-safe: one timer per workflow run.
 *
 * <pre>{@code
 * StageTimer timer = StageTimer.start();
 * List<List<String>> tokens = timer.time("preprocess", () -> pipeline.apply(texts));
 * timer.run("baselines", () -> fitBaselines(tokens));
 * out.print(timer.render());
 * }</pre>
 */
public final class StageTimer {

    /** One finished stage. */
    public record Stage(String name, Duration duration) {
        public Stage {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** An open stage; closing it records its duration. */
    public final class Running implements AutoCloseable {
        private final String name;
        private final long startedAt;
        private boolean closed;

        private Running(String name) {
            this.name = name;
            this.startedAt = clock.getAsLong();
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                stages.add(new Stage(name, Duration.ofNanos(clock.getAsLong() - startedAt)));
            }
        }
    }

    private final LongSupplier clock;
    private final List<Stage> stages = new ArrayList<>();

    StageTimer(LongSupplier nanoClock) {
        this.clock = Objects.requireNonNull(nanoClock, "nanoClock");
    }

    /** A timer on {@link System#nanoTime()}. */
    public static StageTimer start() {
        return new StageTimer(System::nanoTime);
    }

    /** Starts a stage; close it (try-with-resources) when the stage ends. */
    public Running stage(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a stage needs a non-blank name");
        }
        return new Running(name);
    }

    /** A stage's work that returns a value. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T get() throws E;
    }

    /** A stage's work without a value. */
    @FunctionalInterface
    public interface Action<E extends Exception> {
        void run() throws E;
    }

    /** Runs {@code work} as stage {@code name} and returns its value; the stage is recorded even if it throws. */
    public <T, E extends Exception> T time(String name, Work<T, E> work) throws E {
        Running running = stage(name);
        try {
            return work.get();
        } finally {
            running.close();
        }
    }

    /** Runs {@code action} as stage {@code name}. */
    public <E extends Exception> void run(String name, Action<E> action) throws E {
        Running running = stage(name);
        try {
            action.run();
        } finally {
            running.close();
        }
    }

    /** Adds a stage measured elsewhere. */
    public void record(String name, Duration duration) {
        stages.add(new Stage(name, duration));
    }

    public List<Stage> stages() {
        return List.copyOf(stages);
    }

    public Duration total() {
        return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    }

    /** One line per stage with seconds and share of the total, then the total. */
    public String render() {
        int width = Math.max(5, stages.stream().mapToInt(s -> s.name().length()).max().orElse(5));
        double total = total().toNanos() / 1e9;
        StringBuilder text = new StringBuilder();
        for (Stage stage : stages) {
            double seconds = stage.duration().toNanos() / 1e9;
            text.append(String.format(Locale.ROOT, "%-" + width + "s %9.2f s %5.1f%%%n", stage.name(), seconds,
                    total > 0 ? 100.0 * seconds / total : 0.0));
        }
        text.append(String.format(Locale.ROOT, "%-" + width + "s %9.2f s%n", "total", total));
        return text.toString();
    }
}
