#!/usr/bin/python3
"""Anchor side of `nlpkit bench tfidf`: scikit-learn's TfidfVectorizer on the bench's pre-tokenized documents.

Usage: tfidf_sklearn.py TOKENS_FILE
TOKENS_FILE: UTF-8, one document per line, tokens separated by one space (an empty line is an empty document),
written by the Java bench; both sides read the same file. After loading it prints {"ready": ...} and then serves
one command per stdin line, so that the bench can alternate Java and Python runs under the same machine load:
    tfidf  time TfidfVectorizer(analyzer=callable).fit_transform(token lists) (only this is timed)
    regex  time TfidfVectorizer().fit_transform(space-joined lines): sklearn's own regex tokenizer, different
           tokens, for orientation only
    quit
Each run prints one JSON line: wall and process CPU seconds, shape, nnz, sum of values.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer


def identity(doc):
    return doc


def run(make, data):
    x = None
    cpu = time.process_time()
    start = time.perf_counter()
    x = make().fit_transform(data)
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    return {'time': wall, 'cpu': cpu, 'rows': x.shape[0], 'columns': x.shape[1], 'nnz': int(x.nnz),
            'sum': float(np.sum(x.data))}


def main():
    docs = []
    lines = []
    with open(sys.argv[1], encoding='utf-8', newline='\n') as f:
        for line in f:
            line = line[:-1] if line.endswith('\n') else line
            lines.append(line)
            docs.append(line.split(' ') if line else [])
    print(json.dumps({'ready': True, 'sklearn': sklearn.__version__, 'python': sys.version.split()[0],
                      'documents': len(docs)}), flush=True)
    for command in sys.stdin:
        command = command.strip()
        if command == 'tfidf':
            result = run(lambda: TfidfVectorizer(analyzer=identity), docs)
        elif command == 'regex':
            result = run(TfidfVectorizer, lines)
        elif command == 'quit':
            break
        else:
            result = {'error': 'unknown command ' + command}
        print(json.dumps(result), flush=True)


if __name__ == '__main__':
    main()
