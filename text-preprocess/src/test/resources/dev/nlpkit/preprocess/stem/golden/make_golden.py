#!/usr/bin/python3
"""Writes nltk_porter_martin_departures.tsv: the words of the Porter reference vocabulary
(snowballstem/snowball-data porter/voc.txt + output.txt, see ../shared/data/PROVENANCE.md) on which
NLTK's PorterStemmer(mode=MARTIN_EXTENSIONS) differs from the reference output, as
word<TAB>reference<TAB>nltk. Run with Debian python3-nltk 3.8:

    /usr/bin/python3 make_golden.py /work/shared/data/stemmer-vocabularies/porter > nltk_porter_martin_departures.tsv

The vocabulary itself is not copied into the repository; only this list of differences is.
"""
import sys
import nltk
from nltk.stem.porter import PorterStemmer

folder = sys.argv[1]
stemmer = PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS)
with open(folder + "/voc.txt", encoding="utf-8") as v, open(folder + "/output.txt", encoding="utf-8") as o:
    words = [w.rstrip("\n") for w in v]
    ref = [w.rstrip("\n") for w in o]
assert len(words) == len(ref)
print("# nltk %s PorterStemmer(MARTIN_EXTENSIONS) vs the Porter reference output; %d words compared" % (nltk.__version__, len(words)))
for w, r in zip(words, ref):
    s = stemmer.stem(w, to_lowercase=False)
    if s != r:
        print("%s\t%s\t%s" % (w, r, s))
