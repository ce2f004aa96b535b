import sys
for fn in sys.argv[1:]:
    pred=fp=gold=n=0
    for l in open(fn):
        f=l.rstrip('\n').split('\t')
        if f[1]!='INTENTS': continue
        n+=1; g='IRRELEVANT' in f[3]; p='IRRELEVANT' in f[4]
        gold+=g; pred+=p; fp+=(p and not g)
    print(fn, f"IRRELEVANT predicted {pred} (gold {gold}), false {fp} ({100*fp/n:.1f} % of {n})")
