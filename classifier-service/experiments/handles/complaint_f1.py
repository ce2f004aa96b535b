import sys
for fn in sys.argv[1:]:
    m=[[0,0],[0,0]]
    for l in open(fn):
        f=l.rstrip('\n').split('\t')
        if f[1]!='COMPLAINTS': continue
        a=1 if f[3]=='C1' else 0
        p=float(f[5].split(',')[0]); t=float(f[6].split(',')[0])
        m[a][1 if p>=t else 0]+=1
    def f1(tp,fp,fn): return 2*tp/(2*tp+fp+fn)
    print(fn, '%.3f'%((f1(m[1][1],m[0][1],m[1][0])+f1(m[0][0],m[1][0],m[0][1]))/2), m)
