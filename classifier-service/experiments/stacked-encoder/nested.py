#!/usr/bin/env python3
"""Per-fold (a) vs (c), and the leak check for outer fold 0: stacker trained on n-gram probabilities that were
computed without fold 0 (NestedOof) instead of the shared 5-fold OOF probabilities."""
import sys, numpy as np
src = open("/tmp/enc-exp/stack.py").read().split("rows_out = []")[0]
sys.argv = ["stack.py", "/tmp/enc-cache/ngram-oof.tsv", "/tmp/enc-cache/bge-small-en-v15-q.tsv"]
exec(src)
nested_path = "/tmp/enc-cache/ngram-nested-outer0.tsv"
SETTINGS = [(lam, bal) for lam in (1e-3, 1e-2, 1e-1, 1.0) for bal in (False, True)]

def one_outer(k, settings):
    tr = np.where(fold != k)[0]; te = np.where(fold == k)[0]
    best = (-1, None, None)
    for s in settings:
        Sin = oof_scores("stack", tr, *s); thr = pick_thresholds(Sin, Y[tr])
        inner = f1s(decode_shipped(Sin, thr), Y[tr]).mean()
        Xtr, Xte = standardise(features("stack", tr), features("stack", te))
        W, b = fit(Xtr, Y[tr], *s); S = predict(Xte, W, b)
        if inner > best[0]: best = (inner, s, (decode_shipped(S, thr), decode_indep(S, thr)))
    sh, ind = best[2]
    return best[1], f1s(sh, Y[te]).mean(), f1s(ind, Y[te]).mean(), f1s(predA[te], Y[te]).mean()

mode = sys.argv[1] if len(sys.argv) > 1 else "perfold"
import builtins
if len(__import__("sys").argv) and mode == "perfold":
    pass
