package dev.nlpkit.benchmarks;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code nlpkit bench ...}: the module benchmarks. Each benchmark is a subcommand that prints JSON lines
 * (one per measurement, see {@link BenchReport}) with throughput and, where an anchor library exists, the
 * ratio to it measured in the same run. {@code nlpkit bench all} runs every registered benchmark with its
 * defaults.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the module benchmarks; each prints JSON lines (throughput, ratio to the anchor library).")
public final class BenchCommand implements Callable<Integer> {

    /**
     * The registered benchmarks, in the order {@code bench all} runs them. A benchmark is added here once it
     * works (one line each).
     */
    public static final List<Function<BenchData, Object>> BENCHMARKS = List.of(
            PreprocessBench::new,
            TfidfBench::new,
            Word2VecBench::new,
            FastTextBench::new,
            ClassifyBench::new,
            data -> new LstmBench(),
            data -> new AttentionBench()
    );

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** {@code bench all}. */
    @Command(name = "all", mixinStandardHelpOptions = true, description = "Run every benchmark with its defaults.")
    static final class All implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine bench = spec.parent().commandLine();
            int worst = 0;
            for (var entry : bench.getSubcommands().entrySet()) {
                if (!entry.getKey().equals("all")) {
                    worst = Math.max(worst, entry.getValue().execute());
                }
            }
            return worst;
        }
    }

    /**
     * The {@code bench} command line with its benchmarks, or null when none is registered yet.
     *
     * @param data where the benchmarks find their default datasets (the {@code nlpkit} command line's
     *             dataset resolver)
     */
    public static CommandLine commandLineOrNull(BenchData data) {
        if (BENCHMARKS.isEmpty()) {
            return null;
        }
        CommandLine bench = new CommandLine(new BenchCommand());
        for (Function<BenchData, Object> benchmark : BENCHMARKS) {
            bench.addSubcommand(benchmark.apply(data));
        }
        bench.addSubcommand(new All());
        return bench;
    }
}
