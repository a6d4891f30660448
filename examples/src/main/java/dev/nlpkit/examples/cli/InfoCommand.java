package dev.nlpkit.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code nlpkit info}: the nlpkit version, the JDK, the cores and the Vector API status. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the nlpkit version, the JDK in use, the number of cores and the Vector API status.")
public final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Runtime runtime = Runtime.getRuntime();
        out.printf("nlpkit      %s%n", BuildInfo.version());
        out.printf("java        %s (%s, %s)%n", System.getProperty("java.runtime.version"),
                System.getProperty("java.vendor"), System.getProperty("java.home"));
        out.printf("os          %s %s (%s)%n", System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"));
        out.printf("cores       %d%n", runtime.availableProcessors());
        out.printf("max heap    %d MiB%n", runtime.maxMemory() >> 20);
        if (VectorApiStatus.active()) {
            out.printf("vector api  active (jdk.incubator.vector), preferred width %d bits (%d floats)%n",
                    VectorApiStatus.preferredBits().orElseThrow(), VectorApiStatus.preferredBits().orElseThrow() / 32);
        } else {
            out.printf("vector api  inactive (plain-Java fallback; start the JVM with %s)%n", "--add-modules=jdk.incubator.vector");
        }
        // The recurrent module's matrix kernels pick their path once at start-up; say which is active.
        out.printf("rnn kernels %s%n", dev.nlpkit.recurrent.runtime.RecurrentRuntime.describe());
        out.flush();
        return 0;
    }
}
