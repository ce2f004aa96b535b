"""Builds the pool of unlabelled posts to label: every text of the shared corpora that is not a hand-labelled
post (compared loosely: lower case, links and non-alphanumerics dropped), once per text. Writes pool.jsonl
{"id","text"} with ids prefixed by their source, as intents-train.jsonl's are."""
import csv, json, re, sys
data = sys.argv[1]
def key(t):
    t = re.sub(r'https?://\S+|\{link\}', ' ', t.lower())
    t = re.sub(r'@\w+', ' ', t)
    return re.sub(r'[^a-z0-9]+', '', t)
seen = set()
for line in open(f'{data}/intents-train.jsonl'):
    seen.add(key(json.loads(line)['text']))
out = open('pool.jsonl', 'w')
n = {}
def emit(src, id_, text):
    k = key(text)
    if len(k) < 12 or k in seen:
        return
    seen.add(k)
    n[src] = n.get(src, 0) + 1
    out.write(json.dumps({'id': f'{src}-{id_}', 'text': ' '.join(text.split())}) + '\n')
for r in csv.DictReader(open(f'{data}/complaints-train.csv')):
    emit('complaints', r['id'], r['text'])
for r in csv.DictReader(open(f'{data}/sanders.csv')):
    if r['sentiment'] != 'irrelevant':
        emit('sanders', r['id'], r['text'])
for i, r in enumerate(csv.DictReader(open(f'{data}/brand-emotion.csv', encoding='utf-8', errors='replace'))):
    emit('sxsw', f'p{i}', r['text'] or '')
for r in csv.reader(open(f'{data}/sentiment-train.tsv'), delimiter='\t'):
    if len(r) >= 3 and r[0] != 'id':
        emit('semeval', r[0], r[2])
print(n, file=sys.stderr)
