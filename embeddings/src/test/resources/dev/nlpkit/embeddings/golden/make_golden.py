#!/usr/bin/python3
"""Golden values for the embeddings tests, made with Debian python3-gensim 4.2.0.

Run from this directory:  /usr/bin/python3 make_golden.py
Writes: vectors.txt / vectors.bin (gensim save_word2vec_format, text and binary), analogies.txt, pairs.tsv
(our own small question and pair files), golden.tsv (gensim's answers to the same queries and evaluations),
and, when nlpkit-written.txt / nlpkit-written.bin exist (written by nlpkit's Word2VecFormat from vectors.txt,
see Word2VecFormatTest#writerOutputMatchesCommittedFixtures), gensim's reading of them (interop check).
The vectors are synthetic: random directions with "gender", "royalty" and "capital-of" offsets, so that
analogies have definite gensim answers.
"""
import os

import numpy as np
from gensim.models import KeyedVectors

rng = np.random.RandomState(42)
d = 8
base = {}
gender = rng.normal(size=d) * 0.9
royal = rng.normal(size=d) * 0.9
capital = rng.normal(size=d) * 1.1


def vec(v):
    return (v + rng.normal(size=d) * 0.15).astype(np.float32)


words, vectors = [], []


def add(w, v):
    words.append(w)
    vectors.append(vec(v))


for person in ["man", "boy", "father", "brother", "uncle", "son", "husband", "nephew"]:
    p = rng.normal(size=d)
    add(person, p)
    base[person] = p
female = {"man": "woman", "boy": "girl", "father": "mother", "brother": "sister", "uncle": "aunt", "son": "daughter",
          "husband": "wife", "nephew": "niece"}
for m, f in female.items():
    add(f, base[m] + gender)
add("king", base["man"] + royal)
add("queen", base["man"] + gender + royal)
add("prince", base["boy"] + royal)
add("princess", base["boy"] + gender + royal)
countries = {"france": "paris", "germany": "berlin", "italy": "rome", "spain": "madrid", "japan": "tokyo",
             "egypt": "cairo", "greece": "athens", "norway": "oslo"}
for c, cap in countries.items():
    cv = rng.normal(size=d)
    add(c, cv)
    add(cap, cv + capital)
for w in ["apple", "banana", "cherry", "table", "chair", "river", "mountain", "Paris", "KING", "cat", "dog", "bird",
          "red", "green", "blue", "run", "walk", "swim"]:
    add(w, rng.normal(size=d))
kv = KeyedVectors(d)
kv.add_vectors(words, np.array(vectors))
kv.save_word2vec_format("vectors.txt", binary=False)
kv.save_word2vec_format("vectors.bin", binary=True)

with open("analogies.txt", "w") as f:
    f.write(": family\n")
    fam = list(female.items())
    for i, (m1, f1) in enumerate(fam):
        for m2, f2 in fam[i + 1:i + 4]:
            f.write(f"{m1} {f1} {m2} {f2}\n")
    f.write("man woman king queen\nboy girl prince princess\nman king woman queen\n")
    f.write("man woman dragon dragoness\n")  # OOV
    f.write("this line is malformed with six\n")
    f.write(": capital-world\n")
    cs = list(countries.items())
    for i, (c1, p1) in enumerate(cs):
        for c2, p2 in cs[i + 1:i + 4]:
            f.write(f"{p1.capitalize()} {c1.capitalize()} {p2.capitalize()} {c2.capitalize()}\n")
    f.write("Paris France Atlantis Atlantica\n")  # OOV

with open("pairs.tsv", "w") as f:
    f.write("# word1\tword2\tscore (made up for the test)\n")
    for a, b, s in [("king", "queen", 8.5), ("man", "woman", 8.0), ("paris", "france", 7.5), ("apple", "banana", 7.0),
                    ("cat", "dog", 6.5), ("run", "walk", 6.0), ("river", "mountain", 4.0), ("table", "red", 1.5),
                    ("king", "apple", 1.0), ("tokyo", "japan", 7.8), ("bird", "swim", 2.0), ("unicorn", "horse", 5.0),
                    ("father", "mother", 7.2), ("chair", "cherry", 0.5), ("blue", "green", 6.8)]:
        f.write(f"{a}\t{b}\t{s}\n")


def sims(result):
    return [[w, float(s)] for w, s in result]


golden = {
    "most_similar_king_5": sims(kv.most_similar("king", topn=5)),
    "add_king_woman_minus_man_3": sims(kv.most_similar(positive=["king", "woman"], negative=["man"], topn=3)),
    "cosmul_king_woman_minus_man_3": sims(kv.most_similar_cosmul(positive=["king", "woman"], negative=["man"], topn=3)),
    "add_paris_germany_minus_france_3": sims(kv.most_similar(positive=["paris", "germany"], negative=["france"], topn=3)),
    "doesnt_match": kv.doesnt_match(["apple", "banana", "cherry", "table"]),
    "similarity_king_queen": float(kv.similarity("king", "queen")),
    "similarity_apple_tokyo": float(kv.similarity("apple", "tokyo")),
    "by_vector_rome_3": sims(kv.similar_by_vector(kv["rome"], topn=3)),
    "most_similar_king_restrict20_3": sims(kv.most_similar("king", topn=3, restrict_vocab=20)),
}
for restrict in [300000, 30]:
    score, sections = kv.evaluate_word_analogies("analogies.txt", restrict_vocab=restrict, case_insensitive=True)
    golden[f"analogy_restrict_{restrict}"] = {
        "score": float(score),
        "sections": [[s["section"], len(s["correct"]), len(s["incorrect"])] for s in sections],
    }
score, sections = kv.evaluate_word_analogies("analogies.txt", case_insensitive=False)
golden["analogy_case_sensitive"] = {"score": float(score),
                                    "sections": [[s["section"], len(s["correct"]), len(s["incorrect"])] for s in sections]}
pearson, spearman, oov = kv.evaluate_word_pairs("pairs.tsv")
golden["pairs"] = {"pearson": float(pearson[0]), "spearman": float(spearman[0]), "oov_ratio": float(oov)}

interop = {}
for name, binary in [("nlpkit-written.txt", False), ("nlpkit-written.bin", True)]:
    if os.path.exists(name):
        ours = KeyedVectors.load_word2vec_format(name, binary=binary)
        same_words = ours.index_to_key == kv.index_to_key
        diff = float(np.max(np.abs(ours.vectors - kv.vectors))) if same_words else None
        interop[name] = {"loaded": len(ours.index_to_key), "dimension": int(ours.vector_size),
                         "same_words_in_order": same_words, "max_abs_diff": diff}
golden["gensim_reads_nlpkit"] = interop
limited = KeyedVectors.load_word2vec_format("vectors.bin", binary=True, limit=10)
golden["limit_10_words"] = limited.index_to_key



def flat(value):
    """Flattens a value to tab-separated cells (lists, pairs, dicts in sorted key order)."""
    if isinstance(value, dict):
        return [c for k in sorted(value) for c in [k] + flat(value[k])]
    if isinstance(value, (list, tuple)):
        return [c for v in value for c in flat(v)]
    if isinstance(value, float):
        return [repr(value)]
    return [str(value)]


# golden.tsv: one line per entry, "key<TAB>cell<TAB>cell...", read by the Java tests (no JSON parser needed).
with open("golden.tsv", "w") as f:
    f.write("# made by make_golden.py with gensim 4.2.0 (Debian python3-gensim); do not edit\n")
    for key in sorted(golden):
        f.write("\t".join([key] + flat(golden[key])) + "\n")
print("wrote golden.tsv with", len(golden), "entries")
