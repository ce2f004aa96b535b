import sys,re,csv,json,collections
D=sys.argv.pop(1) if len(sys.argv) > 1 and not sys.argv[1].endswith('.tsv') else '../shared/data/'
texts=[]
for l in open(D+'intents-train.jsonl'): texts.append(json.loads(l)['text'])
for r in csv.DictReader(open(D+'complaints-train.csv')): texts.append(r['text'])
for r in csv.DictReader(open(D+'sanders.csv')): texts.append(r['text'])
for r in csv.DictReader(open(D+'brand-emotion.csv',encoding='utf-8',errors='replace')): texts.append(r['text'] or '')
for l in open(D+'sentiment-train.tsv'):
    p=l.rstrip('\n').split('\t')
    if len(p)>=3: texts.append(p[2])
H=re.compile(r'(?<![A-Za-z0-9_])@([A-Za-z0-9_]+)')
cnt=collections.Counter()
for t in texts:
    for h in set(x.lower() for x in H.findall(t)): cnt[h]+=1
sys.path.insert(0,'/tmp/oof')
L=['COMPLAINT','SUPPORT_REQUEST','PRAISE','PURCHASE_INTENT','DEAL_SEEKING','RECOMMENDATION','CHURN_RISK','INFORMATIONAL','IRRELEVANT']
def load(fn):
    out={}
    for l in open(fn):
        f=l.rstrip('\n').split('\t')
        if f[1]!='INTENTS': continue
        hs=set(x.lower() for x in H.findall(f[7]))
        seen=any(cnt[h]>=2 for h in hs)  # appears in some other text too
        grp='seen-handle' if seen else ('no-handle' if not hs else 'unseen-handle')
        out[f[2]]=(grp,f[3].strip('[]').split(', '),f[4].strip('[]').split(', '))
    return out
def mf1(rs):
    s=0
    for lab in L:
        tp=sum(1 for r in rs if lab in r[1] and lab in r[2]);fp=sum(1 for r in rs if lab not in r[1] and lab in r[2]);fn=sum(1 for r in rs if lab in r[1] and lab not in r[2])
        s+=2*tp/(2*tp+fp+fn) if tp else 0
    return s/9
def acc(rs): return sum(1 for r in rs if r[1][0]==r[2][0])/len(rs)
for fn in sys.argv[1:]:
    d=load(fn)
    for g in ['seen-handle','unseen-handle','no-handle']:
        rs=[v for v in d.values() if v[0]==g]
        print(fn.split('/')[-1],g,len(rs),'macroF1 %.3f primary-acc %.3f'%(mf1(rs),acc(rs)))
