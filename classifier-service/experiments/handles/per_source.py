import sys,collections
L=['COMPLAINT','SUPPORT_REQUEST','PRAISE','PURCHASE_INTENT','DEAL_SEEKING','RECOMMENDATION','CHURN_RISK','INFORMATIONAL','IRRELEVANT']
rows=[]
for l in open(sys.argv[1]):
    f=l.rstrip('\n').split('\t')
    if f[1]!='INTENTS': continue
    gold=f[3].strip('[]').split(', '); pred=f[4].strip('[]').split(', ')
    rows.append((f[2].split('-')[0],gold,pred,[float(x) for x in f[5].split(',')],f[7]))
def f1(rs):
    s=0;out={}
    for lab in L:
        tp=sum(1 for r in rs if lab in r[1] and lab in r[2]);fp=sum(1 for r in rs if lab not in r[1] and lab in r[2]);fn=sum(1 for r in rs if lab in r[1] and lab not in r[2])
        out[lab]=(2*tp/(2*tp+fp+fn) if tp else 0, tp,fp,fn)
    return out
o=f1(rows); print('all', round(sum(v[0] for v in o.values())/9,3)); 
for k,v in o.items(): print(' ',k,'%.3f tp%d fp%d fn%d'%v)
for src in sorted(set(r[0] for r in rows)):
    rs=[r for r in rows if r[0]==src]; o=f1(rs)
    print(src, len(rs),' '.join('%s:%.2f(%d/%d/%d)'%(k[:5],v[0],v[1],v[2],v[3]) for k,v in o.items() if v[1]+v[2]+v[3]>0))
