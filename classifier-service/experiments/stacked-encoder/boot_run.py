"""Paired bootstrap over rows of pooled macro-F1, (c) inner-selected [shipped-style decode] minus (a). The inner
selection always picked L2=0.1 (both class-weight options) in the full run, so only those two are refitted here;
the selection itself is redone by inner CV exactly as in stack.py."""
import numpy as np
g = {}
exec(open("/tmp/enc-exp/nested.py").read(), g)
res, sel = g["run"]("stack", [(0.1, False), (0.1, True)])
Y, predA, f1s = g["Y"], g["predA"], g["f1s"]
for dec in ("ship", "indep"):
    c = sel[dec]
    print(dec, "pooled (a) %.3f (c) %.3f" % (f1s(predA, Y).mean(), f1s(c, Y).mean()))
    r = np.random.default_rng(1); d = []
    n = len(Y)
    for _ in range(1000):
        i = r.integers(0, n, n); d.append(f1s(c[i], Y[i]).mean() - f1s(predA[i], Y[i]).mean())
    d = np.array(d)
    print(f"  diff mean {d.mean():+.3f}, 95% CI [{np.percentile(d,2.5):+.3f}, {np.percentile(d,97.5):+.3f}], P(diff<=0) {np.mean(d<=0):.3f}, P(diff<0.02) {np.mean(d<0.02):.3f}")
