package dev.nlpkit.recurrent.model;

import java.util.Arrays;

/** Contiguous slices of a dataset (rows shared, not copied). */
final class Subset {

    private Subset() {
    }

    static Dataset of(Dataset d, int from, int to) {
        Inputs in = switch (d.inputs()) {
            case Inputs.Tokens t -> Inputs.tokens(Arrays.copyOfRange(t.ids(), from, to));
            case Inputs.Sequences s -> Inputs.sequences(Arrays.copyOfRange(s.values(), from, to));
            case Inputs.Vectors v -> Inputs.vectors(Arrays.copyOfRange(v.values(), from, to));
        };
        Targets out = switch (d.targets()) {
            case Targets.Values v -> Targets.values(Arrays.copyOfRange(v.values(), from, to));
            case Targets.Labels l -> Targets.labels(Arrays.copyOfRange(l.labels(), from, to));
            case Targets.StepLabels l -> Targets.stepLabels(Arrays.copyOfRange(l.labels(), from, to));
            case Targets.StepValues v -> Targets.stepValues(Arrays.copyOfRange(v.values(), from, to));
        };
        return Dataset.of(in, out);
    }
}
