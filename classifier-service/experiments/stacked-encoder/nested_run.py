import sys, numpy as np
mode = sys.argv[1]
g = {}
exec(open("/tmp/enc-exp/nested.py").read(), g)
if mode == "perfold":
    print("per fold, stacked inner-selected among all 8 settings:")
    for k in range(5):
        s, sh, ind, a = g["one_outer"](k, g["SETTINGS"])
        print(f"  fold {k}: (a) {a:.3f}  (c) shipped-decode {sh:.3f} ({sh-a:+.3f})  indep {ind:.3f} ({ind-a:+.3f})  setting {s}", flush=True)
else:
    P = g["P"]; ids = g["ids"]; idx = {i: r for r, i in enumerate(ids)}
    Pc = P.copy(); seen = 0
    for line in open(g["nested_path"]):
        f = line.rstrip("\n").split("\t"); Pc[idx[f[0]]] = [float(x) for x in f[2].split(",")]; seen += 1
    print("clean rows", seen, "of", int((g["fold"] != 0).sum()))
    s, sh, ind, a = g["one_outer"](0, g["SETTINGS"])
    print(f"fold 0, shared OOF n-gram features : (a) {a:.3f} (c) ship {sh:.3f} indep {ind:.3f} setting {s}")
    g["P"][:] = Pc
    s, sh, ind, a2 = g["one_outer"](0, g["SETTINGS"])
    print(f"fold 0, n-gram features w/o fold 0 : (a) {a:.3f} (c) ship {sh:.3f} indep {ind:.3f} setting {s}")
