#!/usr/bin/python3
"""Writes treebank_golden.tsv: sentence<TAB>tokens<TAB>spans for the Penn-Treebank tokenizer test.

Tokens are NLTK 3.8's word_tokenize(sentence, preserve_line=True) (= NLTKWordTokenizer().tokenize: the
Punkt sentence model is not installed here, and each line is one sentence anyway), joined by single
spaces (tokens never contain whitespace); spans are NLTKWordTokenizer().span_tokenize(sentence) as
start-end pairs, or "-" where NLTK's span_tokenize raises.

Sentences: 40 written for this test (contractions, quotes, brackets, numbers, clitics), then 130
sentences drawn deterministically from public-domain texts in the shared data (see
../shared/data/PROVENANCE.md): Carroll's Alice, Austen's Emma, Chesterton's Thursday, and the US
inaugural addresses. Run with Debian python3-nltk 3.8:

    /usr/bin/python3 make_golden.py /work/shared/data/english-corpus > treebank_golden.tsv
"""
import os
import random
import re
import sys

from nltk.tokenize import NLTKWordTokenizer, word_tokenize

OWN = [
    "I can't believe it's not butter.",
    "They'll say we're done, but I'd disagree; you've seen it.",
    "He ran 20km.",
    "Good muffins cost $3.88 in New York.",
    "\"Hello,\" she said, \"how are you?\"",
    "Don't you think the 'quotes' are odd?",
    "I cannot and will not go (not today).",
    "We're gonna need a bigger boat, gimme a minute.",
    "Lemme see... what's that -- a bird?",
    "It's 10:30 and the score was 3,000 to 2,500.",
    "She said ``fine'' and left.",
    "Mr. Smith isn't here; Mrs. Jones is.",
    "Email me at test@example.com or call 555-1234!",
    "The U.S. economy grew 3.5% in 2019.",
    "Wait!!! Really?! No way...",
    "I've got to say: wow, that's [really] {very} <cool>.",
    "'Tis the season, 'twas the night.",
    "Y'all should've known better, shouldn't you?",
    "He said, \"I'm not sure\" -- and then he left.",
    "Whaddya mean, wanna go?",
    "The cat's toy and the cats' toys are here.",
    "Rock'n'roll isn't dead, it's 50 years old.",
    "Price: 1,000.50 USD; tax: 8%.",
    "#hashtag and @mention & stuff *emphasis*",
    "This is the end.\"",
    "Is it (really) the end?)",
    "I'M SHOUTING, DON'T YOU SEE?",
    "d'ye know the way?",
    "More'n enough for everyone.",
    "Gotta go, gonna be late.",
    "O'Neil and D'Angelo arrived at 5 p.m.",
    "Hyphenated-words and double--dashes work.",
    "Ellipses... are... everywhere....",
    "A sentence with a final quote.'",
    "Numbers like 3.14, 2.71 and 1.41 are irrational.",
    "Smart quotes: \u201cyes\u201d and \u2018no\u2019 and it\u2019s fine.",
    "French quotes \u00abbonjour\u00bb here.",
    "A backtick `code` sample.",
    "Semi;colons;everywhere;today.",
    "Tabs\tand  multiple   spaces.",
]

SOURCES = [
    ("gutenberg-nltk/carroll-alice.txt", 45),
    ("gutenberg-nltk/austen-emma.txt", 30),
    ("gutenberg-nltk/chesterton-thursday.txt", 25),
    ("inaugural", 30),
]


def sentences(text):
    text = re.sub(r"\s+", " ", text)
    for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", text):
        s = s.strip()
        if 30 <= len(s) <= 220 and "\t" not in s:
            yield s


def main(root):
    rng = random.Random(20261126)
    out = [s.replace("\t", " ") if False else s for s in OWN]
    for rel, count in SOURCES:
        path = os.path.join(root, rel)
        texts = []
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".txt"):
                    with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
                        texts.append(f.read())
        else:
            with open(path, encoding="utf-8", errors="replace") as f:
                texts.append(f.read())
        pool = [s for t in texts for s in sentences(t)]
        # prefer sentences with the features the tokenizer handles specially
        interesting = [s for s in pool if re.search(r"[\"'`();:$%&-]|n't|\d", s)]
        out.extend(rng.sample(interesting, count))
    nltk_tok = NLTKWordTokenizer()
    for s in out:
        tokens = word_tokenize(s, preserve_line=True)
        assert tokens == nltk_tok.tokenize(s)
        try:
            spans = " ".join("%d-%d" % p for p in nltk_tok.span_tokenize(s))
        except ValueError:
            spans = "-"
        print("%s\t%s\t%s" % (s.replace("\t", "\\t"), " ".join(tokens), spans))


if __name__ == "__main__":
    main(sys.argv[1])
