# Generates gensim-tiny.bin and gensim-tiny-vectors.tsv with Debian's python3-gensim (4.2.0):
#   /usr/bin/python3 make_fixture.py
import numpy as np
import gensim
from gensim.models import FastText
from gensim.models.fasttext import save_facebook_model

sentences = [
    "the quick brown fox jumps over the lazy dog".split(),
    "a café serves crème brûlée and naïve coffee to the fox".split(),
    "the lazy dog sleeps while the quick fox runs".split(),
    "über cool résumé words mix with plain ascii words".split(),
    "dogs and foxes are animals the café is a place".split(),
]
model = FastText(sentences, vector_size=8, min_count=1, bucket=1000, epochs=1, seed=1, workers=1)
save_facebook_model(model, "gensim-tiny.bin")
in_vocab = ["the", "fox", "café", "brûlée", "über", "a", "dog"]
oov = ["foxy", "cafés", "dogged", "brûlées", "résumés", "zzz", "x", "quickly", "naïveté"]
with open("gensim-tiny-vectors.tsv", "w", encoding="utf-8") as out:
    out.write("# gensim %s: model.wv[word] of gensim-tiny.bin's model; kind = in-vocab | oov\n" % gensim.__version__)
    for kind, words in (("in-vocab", in_vocab), ("oov", oov)):
        for w in words:
            assert (w in model.wv.key_to_index) == (kind == "in-vocab"), w
            v = model.wv[w]
            out.write("\t".join([kind, w] + ["%.9g" % x for x in v]) + "\n")
