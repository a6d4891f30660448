#!/usr/bin/python3
"""Anchor side of `nlpkit bench tfidf`: scikit-learn's TfidfVectorizer on the bench's pre-tokenized documents.

Usage: tfidf_sklearn.py TOKENS_FILE REPEATS [RAW]
TOKENS_FILE: UTF-8, one document per line, tokens separated by one space (an empty line is an empty document),
written by the Java bench; both sides read the same file. Timed: only TfidfVectorizer(analyzer=callable)
.fit_transform(token lists), REPEATS times. With RAW, also times sklearn's own regex tokenizer on the
space-joined lines (different tokens, reported for orientation only).
Prints one JSON object: wall and process CPU times in seconds, shape, nnz, sum of values.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer


def identity(doc):
    return doc


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    raw = len(sys.argv) > 3 and sys.argv[3] == 'RAW'
    docs = []
    lines = []
    with open(path, encoding='utf-8', newline='\n') as f:
        for line in f:
            line = line[:-1] if line.endswith('\n') else line
            lines.append(line)
            docs.append(line.split(' ') if line else [])
    times = []
    cpu_times = []
    x = None
    for _ in range(repeats):
        x = None
        cpu = time.process_time()
        start = time.perf_counter()
        x = TfidfVectorizer(analyzer=identity).fit_transform(docs)
        times.append(time.perf_counter() - start)
        cpu_times.append(time.process_time() - cpu)
    result = {
        'sklearn': sklearn.__version__,
        'python': sys.version.split()[0],
        'times': times,
        'cpu_times': cpu_times,
        'rows': x.shape[0],
        'columns': x.shape[1],
        'nnz': int(x.nnz),
        'sum': float(np.sum(x.data)),
    }
    if raw:
        raw_times = []
        for _ in range(repeats):
            start = time.perf_counter()
            TfidfVectorizer().fit_transform(lines)
            raw_times.append(time.perf_counter() - start)
        result['raw_times'] = raw_times
    print(json.dumps(result))


if __name__ == '__main__':
    main()
