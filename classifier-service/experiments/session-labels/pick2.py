"""Second round (after round 1 showed that SemEval picks and model-guided picks did not help): a uniform random
sample of the brand corpora not labelled yet: every remaining complaints-corpus post written to a brand (its
random_* rows, which address no brand, are left out: the corpus already teaches them IRRELEVANT), 1,000 Sanders,
1,000 SXSW. Writes picked2.jsonl."""
import csv, json, random
rng = random.Random(202612072)
dom = {r['id']: r['domain'] for r in csv.DictReader(open('../../../../shared/data/complaints-train.csv'))}
done = {json.loads(l)['id'] for l in open('picked.jsonl')}
pool = [json.loads(l) for l in open('pool.jsonl') if json.loads(l)['id'] not in done]
complaints = [p for p in pool if p['id'].startswith('complaints-') and not dom[p['id'][11:]].startswith('random')]
sanders = [p for p in pool if p['id'].startswith('sanders-')]
sxsw = [p for p in pool if p['id'].startswith('sxsw-')]
picked = complaints + rng.sample(sanders, 1000) + rng.sample(sxsw, 1000)
rng.shuffle(picked)
with open('picked2.jsonl', 'w') as f:
    for p in picked:
        f.write(json.dumps(p, ensure_ascii=False) + '\n')
print(len(picked))
