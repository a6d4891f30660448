#!/usr/bin/python3
"""Writes lesson_golden.tsv: for each sentence of ../tokenize/golden/treebank_golden.tsv, the course chain
in NLTK 3.8: word_tokenize (preserve_line=True: the Punkt model is not installed), lower-case, drop NLTK's
English stop words, PorterStemmer().stem; once with mode=MARTIN_EXTENSIONS (what Lucene's Porter follows)
and once with NLTK's default mode NLTK_EXTENSIONS. Columns: sentence, martin tokens, default tokens
(tokens joined by single spaces). The stop list is read from the shared data copy of NLTK's list
(NLTK's stopwords corpus is not installed). Run:

    /usr/bin/python3 make_lesson_golden.py ../tokenize/golden/treebank_golden.tsv \
        /work/shared/data/stopwords/nltk-english.txt > lesson_golden.tsv
"""
import sys

from nltk.stem.porter import PorterStemmer
from nltk.tokenize import word_tokenize

sentences_file, stop_file = sys.argv[1], sys.argv[2]
with open(stop_file, encoding="utf-8") as f:
    stop = {w.strip() for w in f if w.strip()}
martin = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)
default = PorterStemmer()
with open(sentences_file, encoding="utf-8") as f:
    for line in f:
        text = line.rstrip("\n").split("\t")[0]
        raw = text.replace("\\t", "\t")
        words = [w.lower() for w in word_tokenize(raw, preserve_line=True)]
        kept = [w for w in words if w not in stop]
        print("%s\t%s\t%s" % (text, " ".join(martin.stem(w) for w in kept), " ".join(default.stem(w) for w in kept)))
