#!/usr/bin/python3
"""Anchor for `nlpkit bench preprocess`: the NLTK tweet chain taught in the course, on the same tweets.

    preprocess_nltk.py TWEETS_FILE STOP_WORDS_FILE REPEATS

TWEETS_FILE: UTF-8, one tweet per line (the Java side wrote it). STOP_WORDS_FILE: one word per line (the
same NLTK English list the Java side uses; NLTK's stopwords corpus need not be installed). Per tweet:
TweetTokenizer(preserve_case=False, strip_handles=True, reduce_len=True).tokenize, drop stop words and
punctuation tokens (string.punctuation), PorterStemmer().stem each remaining token. Single thread.
Prints one JSON object: tweets, tokens, seconds (median of REPEATS timed passes), tweets_per_s, nltk version.
"""
import json
import statistics
import string
import sys
import time

import nltk
from nltk.stem.porter import PorterStemmer
from nltk.tokenize import TweetTokenizer


def main():
    tweets_file, stop_file, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(tweets_file, encoding="utf-8") as f:
        tweets = [line.rstrip("\n") for line in f]
    with open(stop_file, encoding="utf-8") as f:
        stop = {w.strip() for w in f if w.strip()}
    punct = set(string.punctuation)
    tokenizer = TweetTokenizer(preserve_case=False, strip_handles=True, reduce_len=True)
    stemmer = PorterStemmer()

    def run():
        count = 0
        for tweet in tweets:
            tokens = [stemmer.stem(w) for w in tokenizer.tokenize(tweet) if w not in stop and w not in punct]
            count += len(tokens)
        return count

    times = []
    tokens = 0
    for _ in range(repeats):
        start = time.perf_counter()
        tokens = run()
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(json.dumps({"tweets": len(tweets), "tokens": tokens, "seconds": seconds,
                      "tweets_per_s": len(tweets) / seconds if seconds > 0 else None,
                      "nltk": nltk.__version__}))


if __name__ == "__main__":
    main()
