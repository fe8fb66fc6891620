import re,collections,zlib,sys,wparse
path='opt-named.wasm'
b,secs,nimp,bodies,names,data=wparse.parse(path)
size={};body={}
for i,(o,l) in enumerate(bodies):
    n=names.get(nimp+i,f'?{i}'); size[n]=size.get(n,0)+l; body[n]=body.get(n,b'')+b[o:o+l]
callers=collections.defaultdict(set);callees=collections.defaultdict(set)
for line in open('cg.dot'):
    if '" -> "' in line:
        a,c=line.strip().split('" -> "',1); a=a[1:]; c=c.split('";')[0]
        if a in size and c in size: callers[c].add(a);callees[a].add(c)
FEAT=[
 ('seal', r'kubewright::seal::|sealed_secret|SealingKey|Sealer|(?<![a-z_])(rsa|x509_cert|der|spki|pkcs1|pkcs8|num_bigint_dig|num_integer|num_traits|aes_gcm|aes|ghash|polyval|sha2|base64ct|pem_rfc7468|const_oid|digest|cipher|ctr|crypto_common|subtle|zeroize|universal_hash|block_buffer|inout|flagset|signature)::|ui::tabs::seal'),
 ('generate', r'(?<![a-z_])(rand|rand_core|rand_chacha|getrandom|ppv_lite86)::|kubewright::generate'),
 ('helm', r'kubewright::export::helm|helm_install'),
 ('zip/export', r'kubewright::export::|(?<![a-z_])zip::|crc32fast::|ui::output::export'),
 ('deflate (zip+share)', r'(?<![a-z_])(miniz_oxide|flate2|adler2|adler)::'),
 ('share/autosave', r'kubewright::share::|ui::share|ui::autosave'),
 ('import (manifests+compose)', r'kubewright::import::|ui::import'),
 ('kept (outside objects)', r'kubewright::kept::|ui::kept'),
 ('yaml parser (serde_yaml de + libyaml)', r'unsafe_libyaml::(parser|scanner|reader|loader)|serde_yaml::(de|loader|value::de|libyaml::parser|mapping|number)::|<serde_yaml::value::Value as serde_core::de|Deserializer for serde_yaml|serde_yaml::de'),
 ('yaml writer (serde_yaml ser + libyaml emitter)', r'unsafe_libyaml::(emitter|writer|api|dumper)|serde_yaml::(ser|libyaml::emitter|value::ser)|Serializer for serde_yaml|serde_yaml::ser'),
 ('yaml other', r'(?<![a-z_])(serde_yaml|unsafe_libyaml)::'),
 ('teach', r'kubewright::teach::|ui::teach'),
 ('validate', r'kubewright::validate::'),
 ('spec JSON (serde_json + spec serde impls)', r'(?<![a-z_])(serde_json|ryu|itoa|zmij)::|spec_from_json|spec_to_json|Deserialize for kubewright::|Serialize for kubewright::spec|kubewright::spec::.*::_::'),
 ('render (k8s objects, YAML stream, commands)', r'kubewright::(render|k8s)::|Serialize for kubewright::k8s|kubewright::render'),
 ('core other (spec, presets, names)', r'kubewright::'),
 ('leptos runtime (tachys, reactive_graph, wasm-bindgen, web-sys)', r'(?<![a-z_])(tachys|reactive_graph|leptos|leptos_dom|leptos_macro|any_spawner|or_poisoned|throw_error|either_of|next_tuple|wasm_bindgen|js_sys|web_sys|wasm_bindgen_futures|send_wrapper|slotmap|futures_util|futures_channel|futures_executor|futures_core|pin_project_lite|guardian|reactive_stores|async_lock|wasm_streams|oco_ref|wasm_split_helpers|async_once_cell|drain_filter_polyfill|html_escape|const_str_slice_concat|paste|erased|indexmap|rustc_hash)::'),
 ('page UI (kubewright_web)', r'kubewright_web::'),
]
FR=[(f,re.compile(p)) for f,p in FEAT]
label={}
for n in size:
    for f,r in FR:
        if r.search(n): label[n]=f;break
init=dict(label)
changed=True;rounds=0
while changed and rounds<50:
    changed=False;rounds+=1
    for n in size:
        if n in label: continue
        cl={label.get(c) for c in callers[n]}
        if callers[n] and None not in cl:
            label[n]=cl.pop() if len(cl)==1 else 'shared (std/alloc/serde generics)';changed=True
for n in size:
    if n in label: continue
    if not callers[n]:
        w=collections.Counter()
        for c in callees[n]:
            if c in label and not label[c].startswith('shared'): w[label[c]]+=size[c]
        if w: label[n]=w.most_common(1)[0][0]
# second propagation pass
changed=True
while changed:
    changed=False
    for n in size:
        if n in label: continue
        cl={label.get(c) for c in callers[n]}
        if callers[n] and None not in cl:
            label[n]=cl.pop() if len(cl)==1 else 'shared (std/alloc/serde generics)';changed=True
for n in size: label.setdefault(n,'shared (std/alloc/serde generics)')
tot=sum(size.values())
code=b''.join(b[o:o+l] for o,l in bodies);cgz=len(zlib.compress(code,9))
by=collections.Counter();bybytes=collections.defaultdict(list)
for n,l in size.items(): by[label[n]]+=l;bybytes[label[n]].append(body[n])
print(f'code {tot} B, gz {cgz} B; rounds {rounds}')
print(f"{'feature':58s} {'raw B':>8s} {'%':>5s} {'gz share KB':>11s} {'gz alone KB':>11s}")
for f,l in by.most_common():
    alone=len(zlib.compress(b''.join(bybytes[f]),9))
    print(f'{f:58s} {l:8d} {100*l/tot:5.1f} {l/tot*cgz/1024:11.1f} {alone/1024:11.1f}')
import pickle;pickle.dump((label,size),open('labels.pkl','wb'))
