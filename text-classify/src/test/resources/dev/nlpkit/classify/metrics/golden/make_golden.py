#!/usr/bin/python3
"""Golden values for dev.nlpkit.examples.report (BinaryMetrics, RocCurve), from scikit-learn.

Run from this directory with Debian's python3-sklearn 1.2.1:  /usr/bin/python3 make_golden.py > metrics.txt

Each case is a block of lines "key value value ..." ending with "end". Scores are rounded to few decimals on
purpose in some cases so that ties occur (ROC-AUC must be tie-aware, as scikit-learn's is). The threshold rule is
the one the Java code documents: predicted positive when score >= 0.5.
"""
import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, confusion_matrix, f1_score, precision_score, recall_score,
                             roc_auc_score, roc_curve)


def case(name, labels, scores):
    labels = np.asarray(labels, dtype=int)
    scores = np.asarray(scores, dtype=float)
    predicted = (scores >= 0.5).astype(int)
    tn, fp, fn, tp = confusion_matrix(labels, predicted, labels=[0, 1]).ravel()
    fpr, tpr, thresholds = roc_curve(labels, scores, drop_intermediate=False)
    print("case", name)
    print("labels", *labels.tolist())
    print("scores", *[repr(float(s)) for s in scores])
    print("accuracy", repr(float(accuracy_score(labels, predicted))))
    print("precision", repr(float(precision_score(labels, predicted, zero_division=0))))
    print("recall", repr(float(recall_score(labels, predicted, zero_division=0))))
    print("f1", repr(float(f1_score(labels, predicted, zero_division=0))))
    print("roc_auc", repr(float(roc_auc_score(labels, scores))))
    print("confusion", tn, fp, fn, tp)
    # roc_curve's first point is (0, 0) at threshold +inf; the Java curve starts the same way.
    print("roc_fpr", *[repr(float(v)) for v in fpr])
    print("roc_tpr", *[repr(float(v)) for v in tpr])
    print("end")


def main():
    print("# scikit-learn", sklearn.__version__, "- made by make_golden.py in this directory")
    rng = np.random.default_rng(20261126)
    case("tiny_no_ties", [0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    case("all_tied", [0, 1, 0, 1, 1], [0.5, 0.5, 0.5, 0.5, 0.5])
    case("no_positive_predictions", [0, 1, 1, 0, 1], [0.1, 0.2, 0.3, 0.4, 0.45])
    for n, decimals in [(50, 1), (200, 2), (1000, 3)]:
        labels = rng.integers(0, 2, size=n)
        # informative but noisy scores, rounded to create ties
        raw = 1.0 / (1.0 + np.exp(-(1.5 * (labels - 0.5) + rng.normal(0, 1.0, size=n))))
        case(f"random_{n}_rounded_{decimals}", labels, np.round(raw, decimals))
    labels = rng.integers(0, 2, size=300)
    case("random_300_unrounded", labels, rng.random(300))


if __name__ == "__main__":
    main()
