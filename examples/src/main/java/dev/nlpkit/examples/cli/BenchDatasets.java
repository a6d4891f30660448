package dev.nlpkit.examples.cli;

import java.nio.file.Path;
import java.util.Optional;

import dev.nlpkit.benchmarks.BenchData;
import dev.nlpkit.examples.data.DatasetRegistry;

/**
 * The datasets of {@code nlpkit bench}, found the way every other command finds its data ({@link DataFiles}):
 * the benchmarks module names what it needs, the command line's registry and resolver supply it.
 */
final class BenchDatasets implements BenchData {

    @Override
    public Path resolve(BenchData.Dataset dataset, Path explicit, String option) {
        return DataFiles.resolve(entry(dataset), explicit, option);
    }

    @Override
    public Optional<Path> findLocal(BenchData.Dataset dataset) {
        return DataFiles.findLocal(entry(dataset));
    }

    private static dev.nlpkit.examples.data.Dataset entry(BenchData.Dataset dataset) {
        return switch (dataset) {
            case SENTIMENT140_COMBINED -> DatasetRegistry.SENTIMENT140_COMBINED;
            case ENGLISH_CORPUS -> DatasetRegistry.ENGLISH_CORPUS;
            case TEXT8 -> DatasetRegistry.TEXT8;
            case QUESTIONS_WORDS -> DatasetRegistry.QUESTIONS_WORDS;
            case SIMLEX_999 -> DatasetRegistry.SIMLEX_999;
            case MEN -> DatasetRegistry.MEN;
        };
    }
}
