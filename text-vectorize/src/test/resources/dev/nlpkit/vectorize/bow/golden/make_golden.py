#!/usr/bin/python3
"""Golden values for TfidfOptions.sklearn(): scikit-learn's TfidfVectorizer() defaults on fixed token lists.

Run from the repository root with Debian's python3-sklearn (1.2.1 when this was made):
    /usr/bin/python3 text-vectorize/src/test/resources/dev/nlpkit/vectorize/bow/golden/make_golden.py \
        ../shared/data/sentiment140-combined/combined.csv.gz \
        text-vectorize/src/test/resources/dev/nlpkit/vectorize/bow/golden/sklearn_tfidf_tweets.txt.gz

Documents: every 17th row (row index % 17 == 0, header excluded) of the Sentiment140 combined CSV: 12,675 tweets.
Tokens: text.lower(), split on runs of characters U+0000..U+0020, empty pieces dropped (TfidfGoldenTest does the
same in Java). The token lists go to sklearn through a callable analyzer, so sklearn neither lowercases nor
re-tokenizes. No tweet text is stored: only the vocabulary checksum, per-row checksums for all rows, the exact
values of 300 sample rows and the idf of the terms those rows contain.

Output (gzip, UTF-8, tab-separated):
    meta <key> <value>                      sklearn version, documents, terms, nnz, vocabulary sha256, idf sums
    row <row> <nnz> <sum> <weighted sum>    for every row; weighted sum = sum of value * (column % 97 + 1)
    value <row> <term> <value>              every stored value of the sample rows (rows % 42 == 0)
    idf <term> <idf>                        idf of every term of the sample rows
"""
import csv
import gzip
import hashlib
import re
import sys

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer

SPLIT = re.compile(r'[\x00-\x20]+')


def tokens(text):
    return [t for t in SPLIT.split(text.lower()) if t]


def main(source, target):
    docs = []
    with gzip.open(source, 'rt', encoding='utf-8', newline='') as f:
        reader = csv.reader(f)
        next(reader)
        for i, row in enumerate(reader):
            if i % 17 == 0:
                docs.append(tokens(row[2]))
    vectorizer = TfidfVectorizer(analyzer=lambda d: d)
    x = vectorizer.fit_transform(docs).tocsr()
    x.sort_indices()
    terms = vectorizer.get_feature_names_out()
    idf = vectorizer.idf_
    sha = hashlib.sha256('\n'.join(terms).encode('utf-8')).hexdigest()
    out = []
    out.append('meta\tsklearn\t%s' % sklearn.__version__)
    out.append('meta\tdocuments\t%d' % x.shape[0])
    out.append('meta\tterms\t%d' % x.shape[1])
    out.append('meta\tnnz\t%d' % x.nnz)
    out.append('meta\tvocabulary_sha256\t%s' % sha)
    out.append('meta\tidf_sum\t%.12g' % float(np.sum(idf)))
    out.append('meta\tidf_weighted_sum\t%.12g' % float(np.sum(idf * (np.arange(len(idf)) % 97 + 1))))
    weights = (x.indices % 97 + 1).astype(np.float64)
    for r in range(x.shape[0]):
        a, b = x.indptr[r], x.indptr[r + 1]
        out.append('row\t%d\t%d\t%.9g\t%.9g' % (r, b - a, float(np.sum(x.data[a:b])),
                                                   float(np.sum(x.data[a:b] * weights[a:b]))))
    sample_terms = set()
    for r in range(0, x.shape[0], 42):
        a, b = x.indptr[r], x.indptr[r + 1]
        for k in range(a, b):
            term = terms[x.indices[k]]
            sample_terms.add(x.indices[k])
            out.append('value\t%d\t%s\t%.9g' % (r, term, x.data[k]))
    for c in sorted(sample_terms):
        out.append('idf\t%s\t%.15g' % (terms[c], idf[c]))
    data = ('\n'.join(out) + '\n').encode('utf-8')
    with open(target, 'wb') as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
