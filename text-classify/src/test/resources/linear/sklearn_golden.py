#!/usr/bin/python3
"""Writes sklearn-expected.tsv: scikit-learn's TF-IDF (uni+bigrams) + LogisticRegression(lbfgs) on train.tsv.

Run from this folder with Debian's python3-sklearn (1.2.1 made the committed file):
    /usr/bin/python3 sklearn_golden.py > sklearn-expected.tsv
Tokens are the texts split on single spaces (the Java test splits them the same way). The reference is the
minimiser of scikit-learn's objective C * sum log-loss + 1/2 ||w||^2 (intercept not penalised), which the Java
L-BFGS reaches: solver="newton-cholesky" solves that objective to 1e-12. solver="lbfgs" minimises the same
objective but scipy stops it on its relative-decrease test (ftol = 64 eps) after 7 iterations here, about 2e-6
from the minimiser, whatever tol is given.
"""
import sys

import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression


def read(name):
    labels, texts = [], []
    with open(name, encoding="utf-8") as f:
        for line in f:
            label, text = line.rstrip("\n").split("\t", 1)
            labels.append(int(label))
            texts.append(text)
    return labels, texts


y, train = read("train.tsv")
_, test = read("test.tsv")
out = sys.stdout
out.write("# scikit-learn %s; see sklearn_golden.py\n" % sklearn.__version__)
for name, sublinear, c in (("plain", False, 1.0), ("sublinear", True, 10.0)):
    vectorizer = TfidfVectorizer(tokenizer=lambda t: t.split(" ") if t else [], lowercase=False,
                                 token_pattern=None, ngram_range=(1, 2), sublinear_tf=sublinear)
    x = vectorizer.fit_transform(train)
    model = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-12, max_iter=100000).fit(x, y)
    out.write("config\t%s\t%s\t%r\n" % (name, str(sublinear).lower(), c))
    out.write("intercept\t%r\n" % model.intercept_[0])
    for term, column in sorted(vectorizer.vocabulary_.items()):
        out.write("coef\t%s\t%r\n" % (term, model.coef_[0][column]))
    for i, p in enumerate(model.predict_proba(x)[:, 1]):
        out.write("train\t%d\t%r\n" % (i, p))
    for i, p in enumerate(model.predict_proba(vectorizer.transform(test))[:, 1]):
        out.write("test\t%d\t%r\n" % (i, p))
