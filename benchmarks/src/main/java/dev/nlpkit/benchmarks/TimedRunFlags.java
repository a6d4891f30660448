package dev.nlpkit.benchmarks;

import picocli.CommandLine.Option;

/**
 * The timing flags every layer bench shares with its PyTorch side ({@code bench lstm}, {@code bench attention}):
 * one declaration, mixed into each command.
 */
final class TimedRunFlags {

    @Option(names = "--threads", defaultValue = "2",
            description = "Kernel threads for nlpkit and OpenBLAS threads for PyTorch (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seconds", defaultValue = "3",
            description = "Minimum timed seconds per measurement (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--min-steps", defaultValue = "3",
            description = "Minimum timed steps per measurement (default: ${DEFAULT-VALUE}).")
    int minSteps;

    @Option(names = "--warmup", defaultValue = "2",
            description = "Minimum warm-up seconds before each measurement (default: ${DEFAULT-VALUE}).")
    double warmup;
}
