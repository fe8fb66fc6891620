import sys, re, zlib, collections, wparse
path=sys.argv[1]
b,secs,nimp,bodies,names,data=wparse.parse(path)
STD={'core','alloc','std','T','F','U','V','K','E','A','B','C','S','R','I','W','Self','impl','dyn','str','u8','usize','_','__rustc','compiler_builtins','dlmalloc','hashbrown'}
ident=re.compile(r'(?<![A-Za-z0-9_:])([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::')
def crate_of(n):
    n=re.sub(r'::h[0-9a-f]{16}$','',n)
    toks=ident.findall(n)
    for t in toks:
        if t not in STD: return t, n
    return (toks[0] if toks else '?'), n
rows=[]
for i,(off,l) in enumerate(bodies):
    nm=names.get(nimp+i,'?')
    c,clean=crate_of(nm)
    rows.append((c,clean,l,off))
total_code=sum(l for _,_,l,_ in rows)
datasz=sum(l for _,l in data)
code_gz=len(zlib.compress(b''.join(b[o:o+l] for o,l in bodies),9))
data_gz=len(zlib.compress(b''.join(b[o:o+l] for o,l in data),9))
file_gz=len(zlib.compress(b,9))
print(f'file {len(b)} B, gz {file_gz}; code {total_code} B gz {code_gz}; data {datasz} B gz {data_gz}; funcs {len(bodies)}')
import pickle; pickle.dump((rows,total_code,code_gz,datasz,data_gz,file_gz),open(path+'.rows.pkl','wb'))
bycrate=collections.Counter()
for c,_,l,_ in rows: bycrate[c]+=l
print('top crates by code bytes (gz share = raw share x code gz):')
for c,l in bycrate.most_common(40):
    print(f'{c:28s} {l:9d} {100*l/total_code:5.1f}%  ~{l/total_code*code_gz/1024:6.1f} KB gz')
