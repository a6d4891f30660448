package dev.nlpkit.examples.serve;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nlpkit.classify.TextClassifier;

/**
 * Runs a classifier's predict paths (one text, a batch, an explanation) in rounds until the JIT has compiled
 * them, before the server takes requests.
 *
 * <p>Why: recurrent's Vector API kernels are two orders of magnitude slower until C2 compiles them (before that
 * every vector operation allocates), so a fresh server answered tens of requests per second for its first
 * seconds, and for far longer on a busy machine, where the compiler threads wait for a core. Warming up when the
 * server starts moves that cost out of the first users' requests.
 *
 * <p>When it stops: once the JVM has finished no compilation ({@link CompilationMXBean}) for {@link #QUIET_ROUNDS}
 * rounds in a row lasting at least {@link #QUIET_TIME} together (a compilation only counts when it ends, and C2
 * may take a while over a kernel), after at least {@link #MIN_ROUNDS} rounds; or when the time budget is spent. A
 * JVM without compilation-time monitoring runs {@link #FALLBACK_ROUNDS} rounds (within the budget).
 */
public final class Warmup {

    /** Rounds always run: the first ones only make the kernels hot enough to be queued for compilation. */
    static final int MIN_ROUNDS = 4;
    /** Consecutive rounds without a finished compilation that end the warm-up... */
    static final int QUIET_ROUNDS = 3;
    /** ...when they took at least this long together. */
    static final Duration QUIET_TIME = Duration.ofMillis(500);
    /** Rounds run when the JVM cannot tell whether it is still compiling. */
    static final int FALLBACK_ROUNDS = 40;
    /** Single-text predictions per round (the shape of most requests). */
    private static final int SINGLES = 64;
    /** Texts of the batch prediction of each round (the shape of a full batch request). */
    private static final int BATCH = 256;

    private static final List<String> TEXTS = List.of(
            "I love this so much, best day ever!", "this is the worst, I hate it",
            "@someone not bad at all :) http://example.com", "sooooo tired of waiting #fail",
            "Can't wait to see you tomorrow!!!", "my phone broke again and nobody cares",
            "Thanks for the follow, have a great weekend", "ugh, rain all day. no sun :(",
            "Running 10km today, feeling great", "just got home from work, so tired");

    /**
     * What a warm-up did.
     *
     * @param rounds   rounds run
     * @param elapsed  how long it took
     * @param settled  true when it stopped because the JVM had stopped compiling, false when the budget ran out
     *                 (or the JVM cannot tell)
     */
    public record Report(int rounds, Duration elapsed, boolean settled) {
    }

    private Warmup() {
    }

    /**
     * Warms {@code model} up for at most {@code budget} (plus the round under way when it runs out);
     * {@link Duration#ZERO} does nothing.
     */
    static Report run(TextClassifier model, Duration budget) {
        long start = System.nanoTime();
        if (budget.isZero()) {
            return new Report(0, Duration.ZERO, false);
        }
        long deadline = start + budget.toNanos();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean monitored = jit != null && jit.isCompilationTimeMonitoringSupported();
        List<String> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(TEXTS.get(i % TEXTS.size()) + " #" + i);
        }
        int rounds = 0;
        int quietRounds = 0;
        long quietSince = 0;
        long compiled = monitored ? jit.getTotalCompilationTime() : 0;
        do {   // a positive budget runs at least one round, however short
            long roundStart = System.nanoTime();
            for (int i = 0; i < SINGLES; i++) {
                model.predictProba(List.of(TEXTS.get(i % TEXTS.size())));
            }
            model.predictProba(batch);
            model.explain(TEXTS.get(rounds % TEXTS.size()));
            rounds++;
            if (monitored) {
                long now = jit.getTotalCompilationTime();
                if (now != compiled) {
                    compiled = now;
                    quietRounds = 0;
                } else if (quietRounds++ == 0) {
                    quietSince = roundStart;
                }
                if (rounds >= MIN_ROUNDS && quietRounds >= QUIET_ROUNDS
                        && System.nanoTime() - quietSince >= QUIET_TIME.toNanos()) {
                    return new Report(rounds, Duration.ofNanos(System.nanoTime() - start), true);
                }
            }
            if (!monitored && rounds >= FALLBACK_ROUNDS) {
                break;
            }
        } while (System.nanoTime() < deadline);
        return new Report(rounds, Duration.ofNanos(System.nanoTime() - start), false);
    }
}
