import re,collections,zlib,wparse,pickle,sys
exec(open('feat.py').read().split("FR=[")[0].split("FEAT=[")[0])  # reuse parsing
src=open('feat.py').read()
FEAT=eval('['+src.split('FEAT=[')[1].split('\n]\n')[0]+']')
# split page UI into parts and make leptos generic
UI=[('UI: output panel (YAML view, files, lint, commands, copy)', r'kubewright_web::ui::output::'),
    ('UI: form tabs', r'kubewright_web::ui::tabs::'),
    ('UI: header (presets, target, spec file, history, share)', r'kubewright_web::ui::(presets|target|spec_file|history|browser|share|keep|mod)'),
    ('UI: state/mount', r'kubewright_web::'),]
FEAT=[f for f in FEAT if not f[0].startswith('page UI') and not f[0].startswith('leptos')]
FEAT=FEAT[:-0 or None]
# insert UI groups before 'core other'
idx=[i for i,f in enumerate(FEAT) if f[0].startswith('core other')][0]
FEAT=FEAT[:idx]+UI+FEAT[idx:]
LEP=re.compile(r'(?<![a-z_])(tachys|reactive_graph|leptos|leptos_dom|any_spawner|or_poisoned|throw_error|either_of|next_tuple|wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures|send_wrapper|slotmap|futures_util|futures_channel|futures_executor|futures_core|pin_project_lite|guardian|reactive_stores|async_lock|wasm_streams|oco_ref|wasm_split_helpers|async_once_cell|drain_filter_polyfill|html_escape|const_str_slice_concat|paste|erased|indexmap|rustc_hash)::')
FR=[(f,re.compile(p)) for f,p in FEAT]
label={}
lep=set()
for n in size:
    # name's own path head decides; leptos generics stay unlabeled (propagated)
    for f,r in FR:
        m=r.search(n)
        if m:
            lm=LEP.search(n)
            if lm and lm.start()<m.start(): lep.add(n); break
            label[n]=f;break
    else:
        if LEP.search(n): lep.add(n)
def prop():
    changed=True
    while changed:
        changed=False
        for n in size:
            if n in label: continue
            cl={label.get(c) for c in callers[n]}
            if callers[n] and None not in cl:
                label[n]=cl.pop() if len(cl)==1 else ('leptos runtime (shared)' if n in lep else 'shared (std/alloc/serde generics)');changed=True
for _ in range(3):
    prop()
    for n in size:
        if n in label or callers[n]: continue
        w=collections.Counter()
        for c in callees[n]:
            if c in label and not label[c].startswith(('shared','leptos')): w[label[c]]+=size[c]
        if w: label[n]=w.most_common(1)[0][0]
prop()
for n in size: label.setdefault(n,'leptos runtime (shared)' if n in lep else 'shared (std/alloc/serde generics)')
tot=sum(size.values())
code=b''.join(b[o:o+l] for o,l in bodies);cgz=len(zlib.compress(code,9))
by=collections.Counter();bb=collections.defaultdict(list)
for n,l in size.items(): by[label[n]]+=l;bb[label[n]].append(body[n])
print(f"{'feature':62s} {'raw B':>8s} {'%':>5s} {'gz-share KB':>11s} {'gz-alone KB':>11s}")
for f,l in by.most_common():
    print(f'{f:62s} {l:8d} {100*l/tot:5.1f} {l/tot*cgz/1024:11.1f} {len(zlib.compress(b"".join(bb[f]),9))/1024:11.1f}')
pickle.dump((label,size),open('labels2.pkl','wb'))
