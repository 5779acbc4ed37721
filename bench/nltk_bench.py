"""bench/nltk_bench.py: NLTK's side of the benchmark.

    /usr/bin/python3 bench/nltk_bench.py CORPUS WORD [once]

Times (1) a regexp tokenizer plus NLTK's ConcordanceIndex over the tokens
(lower-cased keys, as Text.concordance uses), and (2) find_concordance of
WORD with every hit. Prints "index SECONDS TOKENS" and "concordance
SECONDS HITS", best of three runs each; with "once", one run each: what a
user's whole process does (bench/run.sh times that from outside).
"""
import sys
import time

from nltk.text import ConcordanceIndex
from nltk.tokenize import RegexpTokenizer


def main():
    path, word = sys.argv[1], sys.argv[2]
    runs = 1 if sys.argv[3:] == ["once"] else 3
    with open(path, encoding="utf-8") as f:
        text = f.read()
    # the module's words: letters and digits, one hyphen or apostrophe between
    tok = RegexpTokenizer(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
    best, ci, tokens = None, None, None
    for _ in range(runs):
        t0 = time.perf_counter()
        tokens = tok.tokenize(text)
        ci = ConcordanceIndex(tokens, key=lambda s: s.lower())
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print("index %.4f %d" % (best, len(tokens)))
    best, lines = None, None
    for _ in range(runs):
        t0 = time.perf_counter()
        lines = ci.find_concordance(word, width=80)
        t = time.perf_counter() - t0
        best = t if best is None or t < best else best
    print("concordance %.4f %d" % (best, len(lines)))


if __name__ == "__main__":
    main()
