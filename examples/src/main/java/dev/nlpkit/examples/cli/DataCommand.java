package dev.nlpkit.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetRegistry;
import dev.nlpkit.examples.data.DatasetResolver;
import dev.nlpkit.examples.data.DownloadListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit data list|get}: the dataset registry. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "The public datasets the examples use: where they are found, and their download.",
        subcommands = {DataCommand.ListDatasets.class, DataCommand.GetDataset.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the known datasets and where a local copy was found (NLPKIT_DATA, cache).")
    static final class ListDatasets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetResolver resolver = DatasetResolver.fromEnvironment(System.getenv());
            for (Dataset dataset : DatasetRegistry.all()) {
                out.printf("%-14s %s%n", dataset.name(), dataset.title());
                out.printf("%-14s source:  %s%n", "", dataset.url());
                out.printf("%-14s local:   %s%n", "", resolver.findLocal(dataset).map(Path::toString)
                        .orElse("none (cache: " + resolver.cachedFile(dataset) + ")"));
                out.printf("%-14s license: %s%n", "", dataset.license());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Find a dataset locally or download it into the cache (resumable, verified); print its path.")
    static final class GetDataset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Dataset name (see 'nlpkit data list').")
        String name;

        @Override
        public Integer call() {
            Dataset dataset = DatasetRegistry.byName(name);
            DatasetResolver resolver = DatasetResolver.fromEnvironment(System.getenv());
            Path path = resolver.resolve(dataset, Optional.empty(), progressListener());
            spec.commandLine().getOut().println(path);
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    /** Renders a download as a progress bar (or plain lines off a terminal). */
    public static DownloadListener progressListener() {
        return new DownloadListener() {
            private Progress progress;

            @Override
            public void started(Dataset dataset, long totalBytes, long resumedAt) {
                progress = Progress.start("download " + dataset.name() + (resumedAt > 0 ? " (resumed)" : ""),
                        totalBytes, "bytes");
                progress.stepTo(resumedAt);
            }

            @Override
            public void progress(long bytesSoFar) {
                progress.stepTo(bytesSoFar);
            }

            @Override
            public void finished(long totalBytes) {
                if (progress != null) {
                    progress.stepTo(totalBytes);
                    progress.close();
                }
            }
        };
    }
}
