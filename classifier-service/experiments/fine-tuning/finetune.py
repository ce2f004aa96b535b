"""Fine-tunes a BERT encoder (weights from a Maven Central jar's ONNX file) with a 9-intent multi-label head, in the
outer folds of the product's evaluate; writes each held-out row's 9 probabilities (id<TAB>p1,...,p9)."""
import argparse, json, random, time, sys
import numpy as np, torch
from torch import nn
from bert import Bert, WordPiece, onnx_weights

L = ["COMPLAINT", "SUPPORT_REQUEST", "PRAISE", "PURCHASE_INTENT", "DEAL_SEEKING", "RECOMMENDATION", "CHURN_RISK",
     "INFORMATIONAL", "IRRELEVANT"]
ap = argparse.ArgumentParser()
ap.add_argument("--model", default="all-minilm-l6-v2"); ap.add_argument("--pool", default="mean")
ap.add_argument("--epochs", type=int, default=5); ap.add_argument("--lr", type=float, default=1e-4)
ap.add_argument("--batch", type=int, default=16); ap.add_argument("--max-len", type=int, default=64)
ap.add_argument("--seed", type=int, default=7); ap.add_argument("--folds", default="0,1,2,3,4")
ap.add_argument("--folds-file", default="/tmp/oof/folds.tsv"); ap.add_argument("--data", default="/work/shared/data/intents-train.jsonl")
ap.add_argument("--encoders", default="/tmp/ft")
ap.add_argument("--pos-weight", type=float, default=1.0); ap.add_argument("--out", required=True)
ap.add_argument("--threads", type=int, default=2); ap.add_argument("--lora", type=int, default=0)
ap.add_argument("--lora-targets", default="q,v")
a = ap.parse_args()
torch.set_num_threads(a.threads)

fold_of = dict(l.rstrip("\n").split("\t") for l in open(a.folds_file))
rows = [json.loads(l) for l in open(a.data)]
rows = [r for r in rows if r["id"] in fold_of]
tok = WordPiece(f"{a.encoders}/{a.model}-tokenizer.json")
weights = onnx_weights(f"{a.encoders}/{a.model}.onnx")
X = [tok.encode(r["text"], a.max_len) for r in rows]
Y = np.zeros((len(rows), len(L)), np.float32)
for i, r in enumerate(rows):
    for l in r["labels"]: Y[i, L.index(l)] = 1
F = np.array([int(fold_of[r["id"]]) for r in rows])
print(f"{len(rows)} rows, mean tokens {np.mean([len(x) for x in X]):.1f}", flush=True)


class LoRA(nn.Module):
    """W x + b + (alpha/r) B A x, W and b frozen; B starts at zero so training starts from the encoder as shipped."""
    def __init__(self, base, r, alpha=16):
        super().__init__()
        self.base = base; self.scale = alpha / r
        self.A = nn.Parameter(torch.randn(r, base.in_features) * 0.01); self.B = nn.Parameter(torch.zeros(base.out_features, r))

    def forward(self, x):
        return self.base(x) + (x @ self.A.T @ self.B.T) * self.scale


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.bert = Bert(weights); self.drop = nn.Dropout(0.1); self.head = nn.Linear(self.bert.hidden, len(L))

    def forward(self, ids, mask):
        h = self.bert(ids, mask)
        v = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True) if a.pool == "mean" else h[:, 0]
        return self.head(self.drop(v))


def batch(idx):
    T = max(len(X[i]) for i in idx)
    ids = torch.tensor([X[i] + [0] * (T - len(X[i])) for i in idx])
    return ids, (ids != 0).long()


def predict(net, idx):
    net.eval(); out = []
    order = sorted(idx, key=lambda i: len(X[i]))
    with torch.no_grad():
        for s in range(0, len(order), 64):
            b = order[s:s + 64]; ids, m = batch(b); out.append(torch.sigmoid(net(ids, m)).numpy())
    P = np.concatenate(out); res = np.zeros((len(idx), len(L)), np.float32)
    pos = {i: k for k, i in enumerate(idx)}
    for k, i in enumerate(order): res[pos[i]] = P[k]
    return res


with open(a.out, "w") as out:
    for k in map(int, a.folds.split(",")):
        random.seed(a.seed + k); torch.manual_seed(a.seed + k)
        tr = [i for i in range(len(rows)) if F[i] != k]; te = [i for i in range(len(rows)) if F[i] == k]
        net = Net()
        net.bert.word.weight.requires_grad_(False)
        if a.lora:
            for p in net.bert.parameters(): p.requires_grad_(False)
            for layer in net.bert.layers:
                for t in a.lora_targets.split(","): setattr(layer, t, LoRA(getattr(layer, t), a.lora))
        no_decay = [p for n, p in net.named_parameters() if p.requires_grad and (n.endswith("bias") or ".ln" in n or n.startswith("bert.ln"))]
        decay = [p for n, p in net.named_parameters() if p.requires_grad and not (n.endswith("bias") or ".ln" in n or n.startswith("bert.ln"))]
        opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}], lr=a.lr)
        steps = a.epochs * ((len(tr) + a.batch - 1) // a.batch); warm = int(0.1 * steps)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / max(warm, 1), max(0.0, (steps - s) / max(steps - warm, 1))))
        lossf = nn.BCEWithLogitsLoss(pos_weight=torch.full((len(L),), a.pos_weight))
        t0 = time.time(); step = 0
        for ep in range(a.epochs):
            net.train(); random.shuffle(tr)
            # length-bucketed batches: sort chunks of 50 batches by length, then shuffle the batches
            chunks = [sorted(tr[c:c + a.batch * 50], key=lambda i: len(X[i])) for c in range(0, len(tr), a.batch * 50)]
            batches = [ch[s:s + a.batch] for ch in chunks for s in range(0, len(ch), a.batch)]
            random.shuffle(batches); total = 0.0
            for b in batches:
                ids, m = batch(b)
                loss = lossf(net(ids, m), torch.tensor(Y[b]))
                opt.zero_grad(); loss.backward(); nn.utils.clip_grad_norm_(net.parameters(), 1.0); opt.step(); sched.step()
                total += loss.item() * len(b); step += 1
            print(f"fold {k} epoch {ep} loss {total / len(tr):.4f} {time.time() - t0:.0f}s", flush=True)
        P = predict(net, te)
        for i, p in zip(te, P):
            out.write(rows[i]["id"] + "\t" + ",".join(f"{x:.5f}" for x in p) + "\n")
        out.flush()
