"""A BERT encoder in plain torch, its weights read from the ONNX file inside a Maven Central jar, and a WordPiece
tokenizer read from the jar's tokenizer.json."""
import json, math, unicodedata, re
import numpy as np, onnx, torch
from onnx import numpy_helper
from torch import nn


class WordPiece:
    def __init__(self, path):
        t = json.load(open(path))
        self.vocab = t["model"]["vocab"]
        self.unk = self.vocab["[UNK]"]; self.cls = self.vocab["[CLS]"]; self.sep = self.vocab["[SEP]"]

    @staticmethod
    def _is_punct(ch):
        cp = ord(ch)
        if (33 <= cp <= 47) or (58 <= cp <= 64) or (91 <= cp <= 96) or (123 <= cp <= 126):
            return True
        return unicodedata.category(ch).startswith("P")

    def basic(self, text):
        text = "".join(" " if unicodedata.category(c) in ("Zs",) or c in "\t\n\r" else c for c in text
                       if not (ord(c) == 0 or ord(c) == 0xFFFD or unicodedata.category(c) in ("Cc", "Cf") and c not in "\t\n\r"))
        out = []
        for c in text:
            cp = ord(c)
            if (0x4E00 <= cp <= 0x9FFF) or (0x3400 <= cp <= 0x4DBF) or (0xF900 <= cp <= 0xFAFF):
                out.append(" " + c + " ")
            else:
                out.append(c)
        text = "".join(out).lower()
        text = "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")
        tokens = []
        for w in text.split():
            cur = ""
            for c in w:
                if self._is_punct(c):
                    if cur: tokens.append(cur); cur = ""
                    tokens.append(c)
                else:
                    cur += c
            if cur: tokens.append(cur)
        return tokens

    def encode(self, text, max_len=64):
        ids = [self.cls]
        for w in self.basic(text):
            if len(w) > 100:
                ids.append(self.unk); continue
            start, pieces, bad = 0, [], False
            while start < len(w):
                end, cur = len(w), None
                while start < end:
                    s = w[start:end] if start == 0 else "##" + w[start:end]
                    if s in self.vocab: cur = self.vocab[s]; break
                    end -= 1
                if cur is None: bad = True; break
                pieces.append(cur); start = end
            ids.extend([self.unk] if bad else pieces)
        ids = ids[:max_len - 1] + [self.sep]
        return ids


def onnx_weights(path):
    m = onnx.load(path)
    init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    # MatMul weights are unnamed initializers: name them by the bias their output is added to
    consumers = {}
    for n in m.graph.node:
        for i in n.input: consumers.setdefault(i, []).append(n)
    named = {}
    for n in m.graph.node:
        if n.op_type == "MatMul" and n.input[1] in init:
            adds = [c for c in consumers.get(n.output[0], []) if c.op_type == "Add"]
            bias = [i for a in adds for i in a.input if i in init and i.endswith(".bias")]
            assert len(bias) == 1, (n.name, bias)
            named[bias[0][:-len(".bias")] + ".weight"] = init[n.input[1]].T.copy()  # torch Linear is out x in
    for k, v in init.items():
        if not k.startswith("onnx::"): named[k] = v
    return named


class Layer(nn.Module):
    def __init__(self, h, heads, inter):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(h, h); self.k = nn.Linear(h, h); self.v = nn.Linear(h, h); self.o = nn.Linear(h, h)
        self.ln1 = nn.LayerNorm(h, eps=1e-12); self.i = nn.Linear(h, inter); self.out = nn.Linear(inter, h)
        self.ln2 = nn.LayerNorm(h, eps=1e-12)

    def forward(self, x, mask_add):
        B, T, H = x.shape; d = H // self.heads
        def split(t): return t.view(B, T, self.heads, d).transpose(1, 2)
        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        a = (q @ k.transpose(-1, -2)) / math.sqrt(d) + mask_add
        ctx = (a.softmax(-1) @ v).transpose(1, 2).reshape(B, T, H)
        x = self.ln1(x + self.o(ctx))
        return self.ln2(x + self.out(nn.functional.gelu(self.i(x))))


class Bert(nn.Module):
    def __init__(self, w, heads=12):
        super().__init__()
        vocab, h = w["embeddings.word_embeddings.weight"].shape
        layers = len({k.split(".")[2] for k in w if k.startswith("encoder.layer.")})
        inter = w["encoder.layer.0.intermediate.dense.bias"].shape[0]
        self.word = nn.Embedding(vocab, h); self.pos = nn.Embedding(512, h); self.tok_type = nn.Embedding(2, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.layers = nn.ModuleList([Layer(h, heads, inter) for _ in range(layers)])
        sd = {"word.weight": w["embeddings.word_embeddings.weight"], "pos.weight": w["embeddings.position_embeddings.weight"],
              "tok_type.weight": w["embeddings.token_type_embeddings.weight"], "ln.weight": w["embeddings.LayerNorm.weight"],
              "ln.bias": w["embeddings.LayerNorm.bias"]}
        names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
                 "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "i": "intermediate.dense",
                 "out": "output.dense", "ln2": "output.LayerNorm"}
        for l in range(layers):
            for mine, theirs in names.items():
                for p in ("weight", "bias"):
                    sd[f"layers.{l}.{mine}.{p}"] = w[f"encoder.layer.{l}.{theirs}.{p}"]
        self.load_state_dict({k: torch.tensor(np.asarray(v, np.float32)) for k, v in sd.items()})
        self.hidden = h

    def forward(self, ids, mask):
        T = ids.shape[1]
        x = self.word(ids) + self.pos(torch.arange(T)[None, :]) + self.tok_type(torch.zeros_like(ids))
        x = self.ln(x)
        mask_add = (1.0 - mask[:, None, None, :].float()) * -10000.0
        for layer in self.layers: x = layer(x, mask_add)
        return x
