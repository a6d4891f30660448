#!/usr/bin/python3
"""Makes nltk_lemmas.tsv: NLTK's WordNetLemmatizer output for (word, pos) pairs from real text.

Run from anywhere with Debian's python3-nltk 3.8 (no nltk_data needed):

    /usr/bin/python3 make_golden.py /work/shared/data > nltk_lemmas.tsv

The argument is the shared data folder (see its PROVENANCE.md). The script
  1. copies wordnet-3.0/ (Debian wordnet-base 1:3.0-37 files) to a temporary folder and gunzips
     data.*.gz there, then opens it with WordNetCorpusReader(folder, None);
  2. points nltk.stem.wordnet.wn at that reader, so NLTK's own WordNetLemmatizer.lemmatize code runs
     (min(wn._morphy(word, pos), key=len), or the word itself);
  3. draws words deterministically (random.Random(SEED)) from the tweets of
     sentiment140-combined/combined.csv.gz and the prose of english-corpus/combined-plain.txt.gz:
     for each POS (n, v, a, r) frequent words and words with the suffixes the morphy rules detach,
     plus a fixed list of irregular forms, a few satellite-adjective ('s') rows and a few capitalised
     tokens (NLTK is case-sensitive);
  4. prints TSV rows: word, pos, nltk_lemma (header first).
Only single words and their derived lemmas are written, never text.
"""
import collections
import csv
import gzip
import io
import os
import random
import re
import shutil
import sys
import tempfile

import nltk.stem.wordnet
from nltk.corpus.reader.wordnet import WordNetCorpusReader

SEED = 20261126
WORD = re.compile(r"[A-Za-z]+")

IRREGULAR = [
    ("geese", "n"), ("feet", "n"), ("mice", "n"), ("teeth", "n"), ("children", "n"), ("women", "n"),
    ("men", "n"), ("oxen", "n"), ("corpora", "n"), ("data", "n"), ("criteria", "n"), ("cacti", "n"),
    ("wolves", "n"), ("knives", "n"), ("leaves", "n"), ("leaves", "v"), ("lives", "n"), ("wives", "n"),
    ("people", "n"), ("analyses", "n"), ("crises", "n"), ("phenomena", "n"), ("indices", "n"),
    ("ran", "v"), ("was", "v"), ("were", "v"), ("is", "v"), ("are", "v"), ("been", "v"), ("am", "v"),
    ("has", "v"), ("had", "v"), ("does", "v"), ("did", "v"), ("done", "v"), ("went", "v"),
    ("gone", "v"), ("saw", "v"), ("seen", "v"), ("took", "v"), ("taken", "v"), ("bought", "v"),
    ("thought", "v"), ("ate", "v"), ("eaten", "v"), ("wrote", "v"), ("written", "v"), ("fell", "v"),
    ("felt", "v"), ("lay", "v"), ("lain", "v"), ("lying", "v"), ("dying", "v"), ("ties", "v"),
    ("better", "a"), ("best", "a"), ("worse", "a"), ("worst", "a"), ("more", "a"), ("most", "a"),
    ("less", "a"), ("least", "a"), ("further", "a"), ("elder", "a"), ("better", "r"), ("best", "r"),
    ("worse", "r"), ("hardest", "r"), ("farther", "r"), ("further", "r"),
    ("was", "n"), ("has", "n"), ("does", "n"), ("as", "n"), ("us", "n"), ("better", "n"),
    ("better", "v"), ("ran", "n"), ("corpora", "v"), ("feet", "v"), ("dogs", "n"), ("churches", "n"),
    ("aardwolves", "n"), ("abaci", "n"), ("hardrock", "n"), ("yessss", "n"), ("", "n"),
]
SATELLITE = ["happier", "bigger", "nicer", "saddest", "funniest", "worse", "best", "cooler", "later",
             "hotter", "older", "sweetest", "angrier", "luckiest", "tired", "good", "greener", "lonelier"]
CAPITALISED = ["Dogs", "Geese", "WAS", "Running", "Better", "Leaves", "Mice", "London", "Churches",
               "Happier", "NASA", "Went", "Children", "Stories", "Tweets"]
SUFFIXES = {
    "n": ("s", "ses", "ves", "xes", "zes", "ches", "shes", "men", "ies"),
    "v": ("s", "ies", "es", "ed", "ing"),
    "a": ("er", "est"),
    "r": ("er", "est", "ly"),
}


def open_wordnet(shared):
    src = os.path.join(shared, "wordnet-3.0")
    folder = tempfile.mkdtemp(prefix="wn30-")
    for name in os.listdir(src):
        path = os.path.join(src, name)
        if name.endswith(".gz"):
            with gzip.open(path, "rb") as fin, open(os.path.join(folder, name[:-3]), "wb") as fout:
                shutil.copyfileobj(fin, fout)
        else:
            shutil.copy(path, folder)
    return WordNetCorpusReader(folder, None), folder


def tweet_words(shared):
    counts = collections.Counter()
    with gzip.open(os.path.join(shared, "sentiment140-combined/combined.csv.gz"), "rt",
                   encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            counts.update(w.lower() for w in WORD.findall(row["text"]))
    return counts


def prose_words(shared, max_lines=200_000):
    counts = collections.Counter()
    with gzip.open(os.path.join(shared, "english-corpus/combined-plain.txt.gz"), "rt",
                   encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= max_lines:
                break
            counts.update(w.lower() for w in WORD.findall(line))
    return counts


def draw(counts, pos, rng, frequent=40, suffixed=80, anything=30):
    """Frequent words, words ending in a morphy suffix of this POS, and a random rest (freq >= 3)."""
    ranked = [w for w, c in counts.most_common() if c >= 3 and len(w) > 1]
    picked = ranked[:frequent]
    with_suffix = sorted(w for w in ranked[:20_000] if w.endswith(SUFFIXES[pos]) and w not in picked)
    picked += rng.sample(with_suffix, min(suffixed, len(with_suffix)))
    rest = sorted(set(ranked[:30_000]) - set(picked))
    picked += rng.sample(rest, anything)
    return picked


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data"
    reader, folder = open_wordnet(shared)
    try:
        nltk.stem.wordnet.wn = reader  # NLTK's lemmatize() calls the module-level wn
        lemmatizer = nltk.stem.wordnet.WordNetLemmatizer()
        rng = random.Random(SEED)
        tweets, prose = tweet_words(shared), prose_words(shared)
        pairs = list(IRREGULAR)
        for pos in ("n", "v", "a", "r"):
            pairs += [(w, pos) for w in draw(tweets, pos, rng)]
            pairs += [(w, pos) for w in draw(prose, pos, rng)]
        pairs += [(w, "s") for w in SATELLITE]
        pairs += [(w, p) for w in CAPITALISED for p in ("n", "v")]
        seen, out = set(), io.StringIO()
        out.write("word\tpos\tnltk_lemma\n")
        for word, pos in pairs:
            if (word, pos) in seen:
                continue
            seen.add((word, pos))
            out.write(f"{word}\t{pos}\t{lemmatizer.lemmatize(word, pos)}\n")
        sys.stdout.write(out.getvalue())
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
