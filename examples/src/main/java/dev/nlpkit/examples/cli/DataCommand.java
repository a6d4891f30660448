package dev.nlpkit.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.nlpkit.examples.data.Dataset;
import dev.nlpkit.examples.data.DatasetRegistry;
import dev.nlpkit.examples.data.DatasetResolver;
import dev.nlpkit.examples.data.DatasetUnavailableException;
import dev.nlpkit.examples.data.DownloadListener;
import dev.nlpkit.examples.data.Extraction;
import dev.nlpkit.examples.data.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nlpkit data list|get|verify}: the dataset registry. */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = {"The public datasets the examples use: where they are found, their download and checks.",
            "A dataset is looked for under NLPKIT_DATA, then in the cache ($XDG_CACHE_HOME/nlpkit or "
                + "~/.cache/nlpkit), then downloaded into the cache (resumable, verified). NLPKIT_DOWNLOAD_URL=BASE "
                + "fetches every file from BASE/<dataset>/<file> instead (a mirror of your own)."},
        subcommands = {DataCommand.ListDatasets.class, DataCommand.GetDataset.class, DataCommand.VerifyDatasets.class})
public final class DataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static DatasetResolver resolver() {
        return DatasetResolver.fromEnvironment(System.getenv());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every dataset: what it is, its size, whether a local copy exists and where, its "
                    + "sources and license.")
    static final class ListDatasets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            DatasetResolver resolver = resolver();
            String pad = " ".repeat(23);
            for (Dataset dataset : DatasetRegistry.all()) {
                out.printf("%-22s %s%n", dataset.name(), dataset.title());
                out.printf("%s%s%n", pad, dataset.description());
                out.printf("%ssize:    %s%n", pad, dataset.size().isPresent()
                        ? String.format(Locale.ROOT, "%,d bytes%s", dataset.size().getAsLong(),
                                dataset.folder() ? " (" + dataset.folderFiles().orElseThrow() + " files)" : "")
                        : "not recorded");
                out.printf("%ssha256:  %s (%s)%n", pad, dataset.sha256().orElse("not recorded"),
                        dataset.checksumNote());
                out.printf("%slocal:   %s%n", pad, resolver.findLocal(dataset).map(p -> "present at " + p)
                        .orElse("missing (" + (dataset.downloadable() ? "nlpkit data get " + dataset.name()
                                + " puts it at " : "no public download; place it at ") + resolver.cachedFile(dataset)
                                + ")"));
                List<Source> sources = resolver.sources(dataset);
                for (int i = 0; i < sources.size(); i++) {
                    Source s = sources.get(i);
                    out.printf("%s%s %s%s%n", pad, i == 0 ? "source: " : "mirror: ", s.url(),
                            s.extraction() == Extraction.NONE ? "" : " (" + s.extraction().describe() + ")");
                }
                out.printf("%shome:    %s%n", pad, dataset.homepage());
                out.printf("%slicense: %s%n", pad, dataset.license());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true,
            description = "Find datasets locally or download them into the cache (resumable, verified); print "
                    + "each one's path.")
    static final class GetDataset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", arity = "1..*",
                description = "Dataset names (see 'nlpkit data list'), or 'all' for every downloadable one.")
        List<String> names;

        @Override
        public Integer call() {
            List<Dataset> datasets = new ArrayList<>();
            boolean all = names.stream().anyMatch(n -> n.equalsIgnoreCase("all"));
            if (all) {
                DatasetRegistry.all().stream().filter(Dataset::downloadable).forEach(datasets::add);
            } else {
                names.forEach(n -> datasets.add(DatasetRegistry.byName(n)));
            }
            if (datasets.size() == 1) {
                print(resolver().resolve(datasets.get(0), Optional.empty(), null, progressListener()));
                return 0;
            }
            DatasetResolver resolver = resolver();
            int failed = 0;
            for (Dataset dataset : datasets) {
                try {
                    print(resolver.resolve(dataset, Optional.empty(), null, progressListener()));
                } catch (DatasetUnavailableException e) {
                    spec.commandLine().getErr().println("nlpkit: " + e.getMessage());
                    spec.commandLine().getErr().flush();
                    failed++;
                }
            }
            if (failed > 0) {
                spec.commandLine().getErr().printf("nlpkit: %d of %d datasets could not be had%n", failed,
                        datasets.size());
                spec.commandLine().getErr().flush();
            }
            return failed == 0 ? 0 : 1;
        }

        private void print(Path path) {
            spec.commandLine().getOut().println(path);
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Re-check the size and SHA-256 of every local copy (cache and NLPKIT_DATA) against the "
                    + "registry; exit code 1 when one differs.")
    static final class VerifyDatasets implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            DatasetResolver resolver = resolver();
            int mismatches = 0;
            int copies = 0;
            for (Dataset dataset : DatasetRegistry.all()) {
                for (DatasetResolver.Check check : resolver.check(dataset)) {
                    copies++;
                    switch (check.status()) {
                        case MATCHES -> out.printf("ok        %-22s %s%n", dataset.name(), check.path());
                        case NOT_RECORDED -> out.printf("unchecked %-22s %s (no checksum recorded; SHA-256 %s)%n",
                                dataset.name(), check.path(), check.measured().sha256());
                        case MISMATCH -> {
                            mismatches++;
                            out.printf(Locale.ROOT, "MISMATCH  %-22s %s: %,d bytes, SHA-256 %s; expected %s, %s "
                                    + "(delete it and run 'nlpkit data get %s')%n", dataset.name(), check.path(),
                                    check.measured().bytes(), check.measured().sha256(),
                                    dataset.size().isPresent()
                                            ? String.format(Locale.ROOT, "%,d bytes", dataset.size().getAsLong())
                                            : "size not recorded",
                                    dataset.sha256().map(s -> "SHA-256 " + s).orElse("no checksum recorded"),
                                    dataset.name());
                        }
                    }
                }
            }
            out.printf("%d local cop%s checked, %d mismatch%s%n", copies, copies == 1 ? "y" : "ies", mismatches,
                    mismatches == 1 ? "" : "es");
            out.flush();
            return mismatches == 0 ? 0 : 1;
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
                    progress = null;
                }
            }
        };
    }
}
