import sys, numpy as np
# fine-tuned probabilities -> logits, as stack.py's "embedding" features
with open(sys.argv[2], "w") as out:
    for l in open(sys.argv[1]):
        i, v = l.rstrip("\n").split("\t"); p = np.clip(np.array([float(x) for x in v.split(",")]), 1e-4, 1 - 1e-4)
        out.write(i + "\t" + ",".join(f"{x:.5f}" for x in np.log(p / (1 - p))) + "\n")
