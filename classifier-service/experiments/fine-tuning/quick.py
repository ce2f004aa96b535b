import sys, numpy as np
L = ["COMPLAINT","SUPPORT_REQUEST","PRAISE","PURCHASE_INTENT","DEAL_SEEKING","RECOMMENDATION","CHURN_RISK","INFORMATIONAL","IRRELEVANT"]
EXCL={7,8}
gold={}; ng={}; fold={}; shipped={}
for l in open("/tmp/oof/stack-oof.tsv"):
    f=l.rstrip("\n").split("\t"); y=np.zeros(9,bool); y[[L.index(x) for x in f[4].split(",") if x]]=1
    s=np.zeros(9,bool); s[[L.index(x) for x in f[3].split(",") if x]]=1
    gold[f[0]]=y; ng[f[0]]=np.array([float(x) for x in f[2].split(",")]); fold[f[0]]=int(f[1]); shipped[f[0]]=s
ft={}
for path in sys.argv[1:]:
    for l in open(path):
        i,v=l.rstrip("\n").split("\t"); ft.setdefault(i,[]).append(np.array([float(x) for x in v.split(",")]))
ids=sorted(ft); Y=np.array([gold[i] for i in ids]); P=np.array([np.mean(ft[i],0) for i in ids]); S=np.array([shipped[i] for i in ids]); N=np.array([ng[i] for i in ids])
def f1(pred):
    tp=(pred&Y).sum(0);fp=(pred&~Y).sum(0);fn=(~pred&Y).sum(0); return np.where(tp==0,0,2*tp/np.maximum(2*tp+fp+fn,1))
def dec(S,thr):
    M=np.log(S/(1-S))-np.log(thr/(1-thr)); out=np.zeros_like(S,bool)
    for r in range(len(S)):
        p=int(np.argmax(M[r])); out[r,p]=1
        if p not in EXCL:
            c=[l for l in range(9) if l!=p and l not in EXCL and M[r,l]>=0]
            if c: out[r,max(c,key=lambda l:M[r,l])]=1
    return out
P=np.clip(P,1e-4,1-1e-4)
print("rows",len(ids),"folds",sorted(set(fold[i] for i in ids)))
print("shipped n-gram  ", f1(S).mean().round(3), f1(S).round(2))
for t in (0.3,0.4,0.5):
    f=f1(dec(P,np.full(9,t))); print(f"fine-tuned thr {t}", f.mean().round(3), f.round(2))
avg=np.clip((P+N)/2,1e-4,1-1e-4)
for t in (0.3,0.35,0.4):
    f=f1(dec(avg,np.full(9,t))); print(f"avg(ft,ngram) thr {t}", f.mean().round(3), f.round(2))
