"""Picks the posts to label from pool-scored.jsonl (the shipped model's classify output of pool.jsonl): for each
rarer intent, 250 drawn at random from the posts the model thinks likeliest to carry it (two thirds from the 1,000 likeliest
of the brand corpora, one third from the 500 likeliest of SemEval, whose posts are seldom about a brand) (the model only
points at where such posts are; the label is the reader's); 200 likely complaints; 950 at random (650 from the
brand corpora, 300 from SemEval). Seeded; writes picked.jsonl {"id","text"}."""
import json, random
rng = random.Random(20261207)
pool = {}
for line in open('pool.jsonl'):
    o = json.loads(line); pool[o['id']] = o['text']
scored = [json.loads(l) for l in open('pool-scored.jsonl')]
picked = []
taken = set()
def take(ids, k):
    ids = [i for i in ids if i not in taken]
    for i in rng.sample(ids, min(k, len(ids))):
        taken.add(i); picked.append(i)
for intent, k in [('RECOMMENDATION', 250), ('CHURN_RISK', 250), ('PURCHASE_INTENT', 250), ('DEAL_SEEKING', 250),
                  ('PRAISE', 250), ('SUPPORT_REQUEST', 250), ('COMPLAINT', 200)]:
    ranked = sorted(scored, key=lambda s: -s['intents'][intent])
    brand = [s['id'] for s in ranked if not s['id'].startswith('semeval')][:1000]
    semeval = [s['id'] for s in ranked if s['id'].startswith('semeval')][:500]
    take(brand, k * 2 // 3)
    take(semeval, k - k * 2 // 3)
take([i for i in pool if not i.startswith('semeval')], 650)
take([i for i in pool if i.startswith('semeval')], 300)
rng.shuffle(picked)
with open('picked.jsonl', 'w') as f:
    for i in picked:
        f.write(json.dumps({'id': i, 'text': pool[i]}) + '\n')
from collections import Counter
print(len(picked), Counter(i.split('-')[0] for i in picked))
