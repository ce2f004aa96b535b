#!/usr/bin/env python3
"""(a) n-gram OOF (shipped decision), (b) embedding-only LR per intent, (c) stacked LR per intent over
[embedding, logit of 9 n-gram OOF probs], (c0) control: LR over the 9 n-gram logits only, (d) stacked only on
uncertain n-gram items. Outer folds = the shipped evaluate folds (dumped by OofDump). For (b)/(c): fit on the other 4
folds; thresholds (and, for the 'inner-selected' rows, the L2/class-weight setting) chosen by inner CV on the
training part only (inner folds = the 4 training folds, leave-one-out). The held-out fold is never used to choose."""
import sys, json, numpy as np
from scipy.optimize import minimize

L = ["COMPLAINT","SUPPORT_REQUEST","PRAISE","PURCHASE_INTENT","DEAL_SEEKING","RECOMMENDATION","CHURN_RISK","INFORMATIONAL","IRRELEVANT"]
EXCL = {L.index("INFORMATIONAL"), L.index("IRRELEVANT")}
K = len(L)
oof_path, emb_path = sys.argv[1], sys.argv[2]
out_json = sys.argv[3] if len(sys.argv) > 3 else None

ids, fold, P, predA, Y = [], [], [], [], []
for line in open(oof_path):
    f = line.rstrip("\n").split("\t")
    ids.append(f[0]); fold.append(int(f[1])); P.append([float(x) for x in f[2].split(",")])
    pa = np.zeros(K, bool); pa[[L.index(x) for x in f[3].split(",") if x]] = True; predA.append(pa)
    y = np.zeros(K, bool); y[[L.index(x) for x in f[4].split(",") if x]] = True; Y.append(y)
fold = np.array(fold); P = np.array(P); predA = np.array(predA); Y = np.array(Y)
emb = {}
if emb_path != "-":
    for line in open(emb_path):
        i, v = line.rstrip("\n").split("\t"); emb[i] = np.array([float(x) for x in v.split(",")], np.float32)
    E = np.stack([emb[i] for i in ids])
else:
    E = np.zeros((len(ids), 0))
n = len(ids)
print(f"rows {n}, folds {np.bincount(fold).tolist()}, emb dim {E.shape[1]}")

def f1s(pred, y):
    tp = (pred & y).sum(0); fp = (pred & ~y).sum(0); fn = (~pred & y).sum(0)
    return np.where(tp == 0, 0.0, 2 * tp / np.maximum(2 * tp + fp + fn, 1))

def fit(X, Yb, lam, balanced):
    n, d = X.shape
    if balanced:
        pos = Yb.sum(0).clip(1); neg = (n - Yb.sum(0)).clip(1)
        C = np.where(Yb, n / (2 * pos), n / (2 * neg))
    else:
        C = np.ones_like(Yb, float)
    Yf = Yb.astype(float)
    def obj(theta):
        W = theta[:d * K].reshape(d, K); b = theta[d * K:]
        Z = X @ W + b
        # BCE with logits
        loss = C * (np.logaddexp(0, Z) - Yf * Z)
        G = C * (1 / (1 + np.exp(-Z)) - Yf) / n
        f = loss.sum() / n + 0.5 * lam * (W * W).sum()
        gW = X.T @ G + lam * W; gb = G.sum(0)
        return f, np.concatenate([gW.ravel(), gb])
    r = minimize(obj, np.zeros(d * K + K), jac=True, method="L-BFGS-B", options={"maxiter": 1000})
    return r.x[:d * K].reshape(d, K), r.x[d * K:]

def predict(X, W, b):
    return 1 / (1 + np.exp(-(X @ W + b)))

GRID = np.linspace(0.01, 0.99, 99)
def pick_thresholds(S, Yb):
    thr = np.zeros(K)
    for l in range(K):
        best = (-1, 0.5)
        for t in GRID:
            p = S[:, l] >= t; tp = (p & Yb[:, l]).sum(); fp = (p & ~Yb[:, l]).sum(); fn = (~p & Yb[:, l]).sum()
            f = 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
            if f > best[0]: best = (f, t)
        thr[l] = best[1]
    return thr

def logit(p):
    p = np.clip(p, 1e-4, 1 - 1e-4); return np.log(p / (1 - p))

def decode_indep(S, thr):
    return S >= thr

def decode_shipped(S, thr):
    """shipped rule: primary = best margin (logit p - logit thr), second = best other non-exclusive label over its
    threshold, only when the primary is not INFORMATIONAL/IRRELEVANT; at most two labels."""
    M = logit(S) - logit(thr)
    out = np.zeros_like(S, bool)
    for i in range(len(S)):
        pr = int(np.argmax(M[i])); out[i, pr] = True
        if pr not in EXCL:
            cand = [l for l in range(K) if l != pr and l not in EXCL and M[i, l] >= 0]
            if cand: out[i, max(cand, key=lambda l: M[i, l])] = True
    return out

def features(kind, rows):
    parts = []
    if kind in ("emb", "stack"): parts.append(E[rows])
    if kind in ("stack", "ngram"): parts.append(logit(P[rows]))
    return np.hstack(parts)

def standardise(Xtr, Xte):
    mu = Xtr.mean(0); sd = Xtr.std(0) + 1e-6
    return (Xtr - mu) / sd, (Xte - mu) / sd

def oof_scores(kind, rows, lam, bal):
    """inner CV on `rows` (leave-one-outer-fold-out among the training folds): out-of-fold scores for rows."""
    S = np.zeros((len(rows), K))
    for g in np.unique(fold[rows]):
        tr = rows[fold[rows] != g]; te_mask = fold[rows] == g
        Xtr, Xte = standardise(features(kind, tr), features(kind, rows[te_mask]))
        W, b = fit(Xtr, Y[tr], lam, bal)
        S[te_mask] = predict(Xte, W, b)
    return S

def run(kind, settings):
    """settings: list of (lam, bal). Returns per-setting outer predictions and the inner-selected one."""
    res = {s: {"indep": np.zeros_like(Y), "ship": np.zeros_like(Y), "S": np.zeros((n, K))} for s in settings}
    sel = {"indep": np.zeros_like(Y), "ship": np.zeros_like(Y), "S": np.zeros((n, K)), "chosen": []}
    for k in range(5):
        tr = np.where(fold != k)[0]; te = np.where(fold == k)[0]
        inner_best = (-1, None)
        for s in settings:
            lam, bal = s
            Sin = oof_scores(kind, tr, lam, bal)
            thr = pick_thresholds(Sin, Y[tr])
            inner_f1 = f1s(decode_shipped(Sin, thr), Y[tr]).mean()
            Xtr, Xte = standardise(features(kind, tr), features(kind, te))
            W, b = fit(Xtr, Y[tr], lam, bal)
            S = predict(Xte, W, b)
            res[s]["S"][te] = S
            res[s]["indep"][te] = decode_indep(S, thr)
            res[s]["ship"][te] = decode_shipped(S, thr)
            if inner_f1 > inner_best[0]: inner_best = (inner_f1, s)
        s = inner_best[1]; sel["chosen"].append((k, s, round(inner_best[0], 4)))
        for key in ("indep", "ship", "S"): sel[key][te] = res[s][key][te]
        print(f"  {kind} outer fold {k}: inner-selected {s} (inner macro-F1 {inner_best[0]:.3f})", flush=True)
    return res, sel

def row(name, pred):
    f = f1s(pred, Y); return name, f.mean(), f

rows_out = []
rows_out.append(row("(a) n-gram, shipped decision", predA))
print("per-fold (a):", [round(f1s(predA[fold == k], Y[fold == k]).mean(), 3) for k in range(5)])
SETTINGS = [(lam, bal) for lam in (1e-3, 1e-2, 1e-1, 1.0) for bal in (False, True)]
kinds = ["ngram"] + (["emb", "stack"] if E.shape[1] else [])
label = {"ngram": "(c0) LR over 9 n-gram logits only", "emb": "(b) embedding-only LR", "stack": "(c) stacked LR [emb + 9 n-gram logits]"}
sel_all = {}
for kind in kinds:
    res, sel = run(kind, SETTINGS)
    sel_all[kind] = sel
    for s in SETTINGS:
        rows_out.append(row(f"{label[kind]}  L2={s[0]:g} {'balanced' if s[1] else 'unweighted'}  [shipped-style decode]", res[s]["ship"]))
        rows_out.append(row(f"{label[kind]}  L2={s[0]:g} {'balanced' if s[1] else 'unweighted'}  [independent thresholds]", res[s]["indep"]))
    rows_out.append(row(f"{label[kind]}  INNER-SELECTED setting  [shipped-style decode]", sel["ship"]))
    rows_out.append(row(f"{label[kind]}  INNER-SELECTED setting  [independent thresholds]", sel["indep"]))
    print("  chosen per outer fold:", sel["chosen"])
if "stack" in sel_all:
    top2 = np.sort(P, 1)[:, -2:]
    unsure = (top2[:, 1] < 0.6) | (top2[:, 1] - top2[:, 0] < 0.1)
    print(f"(d) uncertain items: {unsure.sum()} of {n}")
    for dec in ("ship", "indep"):
        pd = predA.copy(); pd[unsure] = sel_all["stack"][dec][unsure]
        rows_out.append(row(f"(d) stacked (inner-selected, {dec} decode) only where n-gram top<0.6 or gap<0.1 ({unsure.sum()} items)", pd))
print()
print("| run | macro-F1 | " + " | ".join(x[:8] for x in L) + " |")
print("|---|---|" + "---|" * K)
for name, m, f in rows_out:
    print(f"| {name} | {m:.3f} | " + " | ".join(f"{x:.3f}" for x in f) + " |")
if out_json:
    json.dump([{"run": a, "macroF1": b, "perLabel": dict(zip(L, c.tolist()))} for a, b, c in rows_out], open(out_json, "w"), indent=1)
