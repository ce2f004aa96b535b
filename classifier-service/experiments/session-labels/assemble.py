"""Collects the labellers' files (raw/*helper*/labels-*.jsonl, copied from the folders they wrote), checks each line against its batch (same
ids, same order, labels and sentiment from the guideline, INFORMATIONAL/IRRELEVANT alone), and maps the opaque ids
back (raw/mapping.json). Writes:
- ../../training-data/ai-labelled-posts.jsonl: the posts of the brand corpora (complaints, Sanders, SXSW), in the
  intents format, sorted by id: what the shipped model trains on with --extra-labels;
- semeval-labelled.jsonl: the SemEval posts of round 1, kept for the record (training on them did not help);
- agreement.jsonl: the labellers' labels of the hand-labelled posts mixed blind into the batches (ids of
  intents-train.jsonl), and agreement.txt: those labels against the hand labels."""
import glob, json, os, sys
INTENTS = ['COMPLAINT', 'SUPPORT_REQUEST', 'PRAISE', 'PURCHASE_INTENT', 'DEAL_SEEKING', 'RECOMMENDATION', 'CHURN_RISK',
           'INFORMATIONAL', 'IRRELEVANT']
mapping = json.load(open('raw/mapping.json'))
gold = {}
for line in open('../../../../shared/data/intents-train.jsonl'):
    o = json.loads(line); gold[o['id']] = o
pool = {}
for line in open('pool.jsonl'):
    o = json.loads(line); pool[o['id']] = o['text']
out, check, problems, missing = [], [], [], 0
for batch in sorted(glob.glob('raw/*helper*/batch-*.jsonl')):
    labels_file = batch.replace('batch-', 'labels-')
    items = [json.loads(l) for l in open(batch) if l.strip()]
    if not os.path.exists(labels_file):
        missing += len(items); continue
    labelled = {}
    for l in open(labels_file):
        if l.strip():
            try:
                o = json.loads(l); labelled[o['id']] = o
            except Exception as e:
                problems.append(f'{labels_file}: {e}: {l.strip()[:80]}')
    for it in items:
        o = labelled.get(it['id'])
        if o is None:
            missing += 1; continue
        labs = [x.strip().upper() for x in o.get('labels', [])]
        sent = str(o.get('sentiment', '')).lower()
        if not 1 <= len(labs) <= 2 or any(x not in INTENTS for x in labs) or len(set(labs)) != len(labs) \
                or (len(labs) == 2 and ({'INFORMATIONAL', 'IRRELEVANT'} & set(labs))) \
                or sent not in ('negative', 'neutral', 'positive'):
            problems.append(f'{labels_file} {it["id"]}: {labs} {sent}'); continue
        src = mapping[it['id']]
        if not src.startswith('GOLD:') and len(pool[src]) > 320:
            problems.append(f'{src}: not one post ({len(pool[src])} characters: tweets run together in the corpus)'); continue
        if src.startswith('GOLD:'):
            check.append((gold[src[5:]], labs, sent))
        else:
            out.append({'id': src, 'text': pool[src], 'labels': labs, 'sentiment': sent})
out.sort(key=lambda o: o['id'])
with open('../../training-data/ai-labelled-posts.jsonl', 'w') as brand, open('semeval-labelled.jsonl', 'w') as semeval:
    for o in out:
        (semeval if o['id'].startswith('semeval-') else brand).write(json.dumps(o, ensure_ascii=False) + '\n')
with open('agreement.jsonl', 'w') as f:
    for g, l, s in sorted(check, key=lambda c: c[0]['id']):
        f.write(json.dumps({'id': g['id'], 'labels': l, 'sentiment': s}) + '\n')
lines = [f'labelled pool posts: {len(out)}; hand-labelled posts labelled blind: {len(check)}; '
         f'not labelled yet: {missing}; refused lines: {len(problems)}']
lines += problems[:20]
if check:
    f1s = []
    lines.append(f'{"intent":16} {"F1":>5} {"hand":>5} {"them":>5}')
    for intent in INTENTS:
        tp = sum(1 for g, l, _ in check if intent in g['labels'] and intent in l)
        fp = sum(1 for g, l, _ in check if intent not in g['labels'] and intent in l)
        fn = sum(1 for g, l, _ in check if intent in g['labels'] and intent not in l)
        f1 = 0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)
        f1s.append(f1)
        lines.append(f'{intent:16} {f1:5.2f} {tp + fn:5d} {tp + fp:5d}')
    lines.append(f'macro-F1 of the labellers against the hand labels: {sum(f1s) / len(f1s):.3f}')
    lines.append(f'primary intent equal: {sum(1 for g, l, _ in check if g["labels"][0] == l[0]) / len(check):.3f}')
    lines.append(f'sentiment equal: {sum(1 for g, _, s in check if g["sentiment"] == s) / len(check):.3f}')
from collections import Counter
c = Counter(x for o in out for x in o['labels'])
lines.append('pool labels: ' + ', '.join(f'{k} {v}' for k, v in c.most_common()))
open('agreement.txt', 'w').write('\n'.join(lines) + '\n')
print('\n'.join(lines))
