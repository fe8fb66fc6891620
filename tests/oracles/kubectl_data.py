"""Oracle (c): the pinned kubectl rebuilds every ConfigMap and Secret from the SPEC's values; the `data`
we rendered must match it byte for byte, read back both by PyYAML and by kubectl itself.

Usage: tools/.venv/bin/python tests/oracles/kubectl_data.py KUBECTL SPEC_DIR FILE.yaml...
(the spec of X.yaml is SPEC_DIR/X.json; its `env` becomes the ConfigMap, its `secrets` the Secret)

Why: `kubectl create configmap|secret generic --from-literal ... --dry-run=client` is the reference
for what `data` should hold (unicode, newlines, base64), offline (KUBECONFIG=/dev/null). The values
come from the spec, not from our YAML, so a quoting/escaping bug that makes our YAML read back as
another string shows up. Our YAML is read twice: by PyYAML (YAML 1.1) and by kubectl
(`patch --local -f FILE -o json`, offline: the same go-yaml decoder `kubectl apply -f` uses). The
two readers differ (go-yaml reads unquoted `0o17`, `1e3`, `y`, `n` as numbers/booleans, PyYAML as
strings), so EVERY document, not only ConfigMaps and Secrets, must decode identically in both.

Values go through argv as bytes, no shell. argv cannot carry a NUL byte or an argument over Linux's
128 KiB limit, and kubectl splits KEY=VALUE on the first '=' (so a key with '=' cannot pass): such
entries are skipped, counted, and left out of the comparison.
"""
import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

MAX_ARG = 128 * 1024 - 1  # MAX_ARG_STRLEN, including the terminating NUL
SOURCES = {"ConfigMap": "env", "Secret": "secrets"}
WS = re.compile(r"\s*")


class Loader(yaml.SafeLoader):
    pass


# A plain `=` is YAML 1.1's "value" type, which PyYAML cannot construct; kubectl (go-yaml) reads it
# as the string "=". Same workaround as kubernetes-validate's own CLI.
Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def kubectl(binary, *args):
    """Runs kubectl offline; returns the JSON objects it printed. Always -o json, never -o yaml:
    kubectl 1.37.1's YAML printer (go-yaml) writes U+0085 (NEL) as a plain space, so it is not
    byte-exact; its JSON is (and a YAML reader would fold a raw NEL in a JSON string, hence json)."""
    out = subprocess.run([binary.encode(), *args, b"-o", b"json"], capture_output=True,
                         env={**os.environ, "KUBECONFIG": "/dev/null"})
    if out.returncode:
        raise RuntimeError(f"kubectl exit {out.returncode}: {out.stderr.decode(errors='replace')}")
    text, objs, pos = out.stdout.decode("utf-8"), [], 0
    while (pos := WS.match(text, pos).end()) < len(text):  # several objects, one after another
        obj, pos = json.JSONDecoder().raw_decode(text, pos)
        objs.append(obj)
    return objs


def from_literals(binary, kind, name, values):
    """`data` of the object kubectl builds from {key: value} literals."""
    what = [b"secret", b"generic"] if kind == "Secret" else [b"configmap"]
    literals = [b"--from-literal=" + k.encode() + b"=" + v.encode() for k, v in values.items()]
    return kubectl(binary, b"create", *what, name.encode(), *literals, b"--dry-run=client")[0].get("data") or {}


def first_diff(a, b, path=""):
    """Where two decoded documents differ (type-strict: True != 1), or None."""
    if isinstance(a, dict) and isinstance(b, dict):
        keys = sorted(a.keys() | b.keys(), key=str)
        return next((d for k in keys if (d := first_diff(a.get(k), b.get(k), f"{path}.{k}"))), None)
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return next((d for i, (x, y) in enumerate(zip(a, b)) if (d := first_diff(x, y, f"{path}[{i}]"))), None)
    return None if type(a) is type(b) and a == b else f"{path}: PyYAML {a!r:.80}, kubectl {b!r:.80}"


def main(binary, spec_dir, files):
    passed = failed = skipped = entries = 0

    def fail(where, msg):
        nonlocal failed
        print(f"FAIL {where}: {' '.join(str(msg).split())}")
        failed += 1

    for path in files:
        try:
            spec = json.loads((Path(spec_dir) / (Path(path).stem + ".json")).read_text("utf-8"))
            with open(path, encoding="utf-8") as f:
                docs = [d for d in yaml.load_all(f, Loader=Loader) if isinstance(d, dict)]
            # What `kubectl apply -f` would send: the file as kubectl decodes it (a no-op patch).
            as_kubectl = kubectl(binary, b"patch", b"--local", b"--type=merge", b"-p", b"{}", b"-f", path.encode())
            if [d.get("kind") for d in docs] != [d.get("kind") for d in as_kubectl]:
                raise RuntimeError("kubectl and PyYAML see different documents")
        except Exception as e:
            fail(path, f"cannot read spec or YAML: {e}")
            continue
        for kind, source in SOURCES.items():  # the spec's env -> 1 ConfigMap, secrets -> 1 Secret
            # ... or 1 SealedSecret, whose values unseal.py checks (kubectl cannot open them).
            n = sum(d.get("kind") in (kind, "Sealed" + kind) for d in docs)
            if n != (1 if spec.get(source) else 0):
                fail(path, f"{n} {kind} documents for {len(spec.get(source) or [])} spec.{source} entries")
        for i, (doc, kdoc) in enumerate(zip(docs, as_kubectl)):
            where = f"{path}#{i} {doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
            # Every document: both YAML 1.1 readers must agree, or the YAML is ambiguous.
            problems = [f"read differently {d}"] if (d := first_diff(doc, kdoc)) else []
            if doc.get("kind") in SOURCES:
                wanted = {e["name"]: e["value"] for e in spec[SOURCES[doc["kind"]]]}
                cannot = {k for k, v in wanted.items()
                          if "\0" in v or "=" in k or len(k.encode()) + len(v.encode()) + 16 > MAX_ARG}
                skipped += len(cannot)
                values = {k: v for k, v in wanted.items() if k not in cannot}
                entries += len(values)
                try:
                    theirs = from_literals(binary, doc["kind"], str(doc["metadata"]["name"]), values)
                except Exception as e:
                    theirs, problems = {}, problems + [str(e)]
                for reader, d in (("PyYAML", doc), ("kubectl", kdoc)):
                    ours = {k: v for k, v in (d.get("data") or {}).items() if k not in cannot}
                    # stringData holds the plain text: its base64 must be what kubectl puts in data.
                    ours |= {k: base64.b64encode(str(v).encode("utf-8")).decode()
                             for k, v in (d.get("stringData") or {}).items() if k not in cannot}
                    problems += [f"data.{k} as read by {reader}: ours {ours.get(k)!r:.150}, "
                                 f"kubectl --from-literal {theirs.get(k)!r:.150}"
                                 for k in sorted(ours.keys() | theirs.keys(), key=str) if ours.get(k) != theirs.get(k)]
            for p in problems:
                print(f"FAIL {where}: {' '.join(p.split())}")
            failed += bool(problems)
            passed += not problems
    print(f"oracles-kubectl: compared {entries} ConfigMap/Secret entries; skipped {skipped} that argv cannot carry")
    print(f"oracles-kubectl: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
