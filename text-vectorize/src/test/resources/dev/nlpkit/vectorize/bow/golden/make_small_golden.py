#!/usr/bin/python3
"""Small golden values: scikit-learn 1.2.1 (Debian python3-sklearn) on a fixed toy corpus, one block per option set.

Run from the repository root:
    /usr/bin/python3 text-vectorize/src/test/resources/dev/nlpkit/vectorize/bow/golden/make_small_golden.py \
        > text-vectorize/src/test/resources/dev/nlpkit/vectorize/bow/golden/sklearn_small.txt

Documents are the space-separated lines of DOCS (one is empty). Vectorizers get them either as token lists through
a callable analyzer, or (for n-grams, which sklearn applies only to its own analyzer) as strings with
tokenizer=str.split, lowercase=False, so the tokens are identical. SklearnSmallGoldenTest reads the output:
    config <name>
    terms <t1> <t2> ...        column order (tab-separated)
    row <v1> <v2> ...          one dense row per document, %.9g
"""
import sklearn
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

DOCS = [
    "the cat sat on the mat",
    "the dog sat on the log",
    "cats and dogs and cats",
    "",
    "the quick brown fox jumps over the lazy dog",
    "a cat a dog a fox the end",
    "sat sat sat on the mat mat",
]

CONFIGS = [
    ("tfidf_default", lambda: TfidfVectorizer(analyzer=lambda d: d), False),
    ("tfidf_sublinear_l1", lambda: TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True, norm='l1'), False),
    ("tfidf_no_idf", lambda: TfidfVectorizer(analyzer=lambda d: d, use_idf=False), False),
    ("tfidf_no_norm", lambda: TfidfVectorizer(analyzer=lambda d: d, norm=None), False),
    ("tfidf_min2_max05", lambda: TfidfVectorizer(analyzer=lambda d: d, min_df=2, max_df=0.5), False),
    ("counts_default", lambda: CountVectorizer(analyzer=lambda d: d), False),
    ("counts_binary", lambda: CountVectorizer(analyzer=lambda d: d, binary=True), False),
    ("counts_bigrams", lambda: CountVectorizer(tokenizer=str.split, lowercase=False, token_pattern=None,
                                               ngram_range=(1, 2)), True),
    ("counts_max_features_2", lambda: CountVectorizer(analyzer=lambda d: d, max_features=2), False),
    ("tfidf_bigrams", lambda: TfidfVectorizer(tokenizer=str.split, lowercase=False, token_pattern=None,
                                              ngram_range=(1, 2)), True),
]


def main():
    print("# made by make_small_golden.py with scikit-learn " + sklearn.__version__)
    tokens = [d.split() for d in DOCS]
    for name, make, as_strings in CONFIGS:
        v = make()
        x = v.fit_transform(DOCS if as_strings else tokens).toarray()
        print("config\t" + name)
        print("terms\t" + "\t".join(v.get_feature_names_out()))
        for row in x:
            print("row\t" + "\t".join("%.9g" % value for value in row))


if __name__ == '__main__':
    main()
