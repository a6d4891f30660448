#!/usr/bin/python3
"""gensim anchor for `nlpkit bench fasttext` (run by FastTextBench as a /usr/bin/python3 subprocess).

Trains gensim 4 FastText on a one-sentence-per-line corpus with the given settings, timing build_vocab and
train() apart, evaluates like nlpkit does (questions-words restricted to the N most frequent words,
case-insensitive; SimLex-999 and MEN Spearman), and prints ONE JSON object on stdout. Reads no data of its
own; paths come from the arguments.
"""
import argparse
import json
import logging
import os
import sys
import tempfile
import time


def read_pairs(path, fmt):
    pairs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            if fmt == "simlex":
                parts = line.rstrip("\n").split("\t")
                if n == 0 and parts[0] == "word1":
                    continue
                pairs.append((parts[0], parts[1], float(parts[3])))
            else:
                parts = line.split()
                if n == 0 and parts[0] == "word1":
                    continue
                pairs.append((parts[0], parts[1], float(parts[2])))
    return pairs


def evaluate_pairs(kv, pairs, restrict):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False, encoding="utf-8") as tmp:
        for a, b, s in pairs:
            tmp.write(f"{a}\t{b}\t{s}\n")
        name = tmp.name
    try:
        pearson, spearman, oov = kv.evaluate_word_pairs(name, restrict_vocab=restrict, case_insensitive=True)
    finally:
        os.unlink(name)
    return {"spearman": float(spearman[0]), "pearson": float(pearson[0]), "oov_ratio": float(oov)}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", required=True)
    p.add_argument("--sg", type=int, default=0)
    p.add_argument("--vector-size", type=int, default=100)
    p.add_argument("--window", type=int, default=5)
    p.add_argument("--negative", type=int, default=5)
    p.add_argument("--min-count", type=int, default=5)
    p.add_argument("--sample", type=float, default=1e-3)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--min-n", type=int, default=3)
    p.add_argument("--max-n", type=int, default=6)
    p.add_argument("--bucket", type=int, default=2000000)
    p.add_argument("--analogies")
    p.add_argument("--simlex")
    p.add_argument("--men")
    p.add_argument("--restrict", type=int, default=30000)
    a = p.parse_args()

    logging.disable(logging.CRITICAL)
    import gensim
    from gensim.models import FastText
    from gensim.models.word2vec import LineSentence

    sentences = LineSentence(a.corpus)
    model = FastText(vector_size=a.vector_size, window=a.window, min_count=a.min_count, sample=a.sample,
                     sg=a.sg, negative=a.negative, workers=a.workers, seed=a.seed, epochs=a.epochs,
                     min_n=a.min_n, max_n=a.max_n, bucket=a.bucket)
    t0 = time.perf_counter()
    model.build_vocab(sentences)
    vocab_seconds = time.perf_counter() - t0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    effective, raw = model.train(sentences, total_examples=model.corpus_count, epochs=a.epochs)
    train_seconds = time.perf_counter() - t0
    train_cpu = time.process_time() - cpu0
    kv = model.wv
    out = {
        "gensim": gensim.__version__,
        "vocab_size": len(kv.index_to_key),
        "vocab_seconds": vocab_seconds,
        "train_seconds": train_seconds,
        "train_cpu_seconds": train_cpu,
        "effective_words": int(effective),
        "effective_words_per_s": effective / train_seconds,
    }
    if a.analogies:
        score, sections = kv.evaluate_word_analogies(a.analogies, restrict_vocab=a.restrict, case_insensitive=True)
        out["analogy_accuracy"] = float(score)
        out["analogy_correct"] = len(sections[-1]["correct"])
    for name, path in (("simlex", a.simlex), ("men", a.men)):
        if path:
            for key, value in evaluate_pairs(kv, read_pairs(path, name), a.restrict).items():
                out[f"{name}_{key}"] = value
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
