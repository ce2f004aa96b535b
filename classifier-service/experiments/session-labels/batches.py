"""Splits the picked posts into the labellers' batches, as run on 2026-12-07 (round 1: picked.jsonl and 175 hand-
labelled posts; round 2: picked2.jsonl and 105 more hand-labelled posts not used in round 1). The hand-labelled posts
are mixed in blind: every post gets an opaque id (h3-017, r2h5-101), and the map from opaque ids back to post ids is
written outside the labellers' folders. Seven labellers per round, batches of 50.
Usage: python3 batches.py ROUND (1 or 2) DATA_DIR OUT_DIR PRIVATE_DIR"""
import json, os, random, sys
round_, data, out_dir, private = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rng = random.Random(7 if round_ == 1 else 8)
picked = [json.loads(l) for l in open('picked.jsonl' if round_ == 1 else 'picked2.jsonl')]
mapping_file = os.path.join(private, 'mapping.json')
mapping = json.load(open(mapping_file)) if os.path.exists(mapping_file) else {}
used = {v[5:] for v in mapping.values() if v.startswith('GOLD:')}
gold = [json.loads(l) for l in open(os.path.join(data, 'intents-train.jsonl'))]
check = rng.sample(gold, 175) if round_ == 1 else rng.sample([g for g in gold if g['id'] not in used], 105)
items = [{'src': p['id'], 'text': p['text']} for p in picked] \
    + [{'src': 'GOLD:' + g['id'], 'text': g['text']} for g in check]
rng.shuffle(items)
for h in range(7):
    part = items[h::7]
    folder = os.path.join(out_dir, f'helper{h + 1}' if round_ == 1 else f'round2-helper{h + 1}')
    os.makedirs(folder, exist_ok=True)
    for b in range(0, len(part), 50):
        with open(os.path.join(folder, f'batch-{b // 50 + 1:02d}.jsonl'), 'w') as f:
            for j, it in enumerate(part[b:b + 50]):
                oid = (f'h{h + 1}' if round_ == 1 else f'r2h{h + 1}') + f'-{b + j + 1:03d}'
                mapping[oid] = it['src']
                f.write(json.dumps({'id': oid, 'text': it['text']}, ensure_ascii=False) + '\n')
os.makedirs(private, exist_ok=True)
json.dump(mapping, open(mapping_file, 'w'))
print(len(items), 'posts in', out_dir)
