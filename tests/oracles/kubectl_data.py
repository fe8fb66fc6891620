"""Oracle (c): the pinned kubectl rebuilds every ConfigMap and Secret from the SPEC's values; the `data`
we rendered must match it byte for byte, read back both by PyYAML and by kubectl itself.

Usage: tools/.venv/bin/python tests/oracles/kubectl_data.py KUBECTL SPEC_DIR FILE.yaml...
(the spec of X.yaml is SPEC_DIR/X.json; its `env` becomes the ConfigMap, its `secrets` the Secret, its
`database` the database Secret; the derived entries, DATABASE_URL and the clustering query, are rebuilt
here from the spec independently of the Rust code, see `wanted`)

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
import urllib.parse
import sys
from pathlib import Path

import yaml

MAX_ARG = 128 * 1024 - 1  # MAX_ARG_STRLEN, including the terminating NUL
SOURCES = {"ConfigMap": "env", "Secret": "secrets"}
# Spec defaults that matter for the derived entries (crates/kubewright/src/spec/).
DB_DEFAULTS = {"kind": "none", "name": "db", "user": "app", "database": "app", "password": "",
               "admin_password": "", "url_env": "DATABASE_URL", "url_scheme": "postgres",
               "url_port": True}
CLUSTERING_DEFAULTS = {"enabled": False, "query_env": "DNS_CLUSTER_QUERY"}


def wanted(spec):
    """{(kind, name): {key: value}} of every ConfigMap/Secret the spec should produce, in order."""
    app = spec.get("app") or {}
    name, ns = app.get("name", "web"), app.get("namespace", "web")
    dns = (lambda service: f"{service}.{ns}.svc.cluster.local") if ns else (lambda service: service)
    db = {**DB_DEFAULTS, **(spec.get("database") or {})}
    clustering = {**CLUSTERING_DEFAULTS, **(spec.get("clustering") or {})}
    env = [(e["name"], e["value"]) for e in spec.get("env") or []]
    if clustering["enabled"] and clustering["query_env"]:
        env.append((clustering["query_env"], dns(f"{name}-headless")))
    secrets = [(e["name"], e["value"]) for e in spec.get("secrets") or []]
    db_secret = None
    if db["kind"] != "none":
        if db["kind"] == "helm":
            full = db["name"] if "postgresql" in db["name"] else f"{db['name']}-postgresql"
            service = full[:63].rstrip("-")
            db_secret = [("password", db["password"]), ("postgres-password", db["admin_password"])]
        else:
            service = f"{db['name']}-rw"
            db_secret = [("username", db["user"]), ("password", db["password"])]
        q = lambda s: urllib.parse.quote(s, safe="-._~")
        port = ":5432" if db["url_port"] else ""
        url = f"{db['url_scheme']}://{q(db['user'])}:{q(db['password'])}@{dns(service)}{port}/{q(db['database'])}"
        if db["url_env"]:
            secrets.append((db["url_env"], url))
    out = {}
    if env:
        out[("ConfigMap", f"{name}-env")] = env
    # The files of each config or secret volume: one object per volume, named <app>-<volume>.
    files = lambda kind: [(f"{name}-{v.get('name', 'data')}", [(f.get("name", ""), f.get("content", ""))
                                                             for f in v.get("files") or []])
                          for v in spec.get("volumes") or [] if v.get("kind", "claim") == kind]
    for object_name, pairs in files("config_files"):
        out[("ConfigMap", object_name)] = pairs
    if secrets:
        out[("Secret", f"{name}-env-secret")] = secrets
    if db_secret:
        out[("Secret", f"{db['name']}-credentials")] = db_secret
    registry = spec.get("registry") or {}
    if registry.get("enabled"):
        out[("Secret", f"{name}-registry")] = [(".dockerconfigjson", docker_config(registry))]
    for object_name, pairs in files("secret_files"):
        out[("Secret", object_name)] = pairs
    return out


def docker_config(registry):
    """The JSON kubectl's `create secret docker-registry` writes (Go's encoding/json: no spaces,
    <, > and & escaped); main() also asks kubectl itself."""
    server, user, password = (registry.get(k, "") for k in ("server", "username", "password"))
    auth = base64.b64encode(f"{user}:{password}".encode()).decode()
    text = json.dumps({"auths": {server: {"username": user, "password": password, "auth": auth}}},
                      separators=(",", ":"), ensure_ascii=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def docker_registry(binary, name, registry):
    """`data` of the Secret `kubectl create secret docker-registry` builds."""
    args = [f"--docker-{k}={registry.get(f, '')}".encode()
            for k, f in (("server", "server"), ("username", "username"), ("password", "password"))]
    return kubectl(binary, b"create", b"secret", b"docker-registry", name.encode(), *args,
                   b"--dry-run=client")[0].get("data") or {}
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
        expected = wanted(spec)
        # A sealed app Secret is a SealedSecret, whose values unseal.py checks (kubectl cannot open them).
        got = [("Secret" if d.get("kind") == "SealedSecret" else d.get("kind"), (d.get("metadata") or {}).get("name"))
               for d in docs if d.get("kind") in SOURCES or d.get("kind") == "SealedSecret"]
        if got != list(expected):
            fail(path, f"ConfigMap/Secret documents {got}, expected {list(expected)}")
        for i, (doc, kdoc) in enumerate(zip(docs, as_kubectl)):
            where = f"{path}#{i} {doc.get('kind')}/{doc.get('metadata', {}).get('name')}"
            # Every document: both YAML 1.1 readers must agree, or the YAML is ambiguous.
            problems = [f"read differently {d}"] if (d := first_diff(doc, kdoc)) else []
            if doc.get("kind") in SOURCES:
                pairs = expected.get((doc["kind"], (doc.get("metadata") or {}).get("name")), [])
                wanted_values = dict(pairs)
                cannot = {k for k, v in wanted_values.items()
                          if "\0" in v or "=" in k or len(k.encode()) + len(v.encode()) + 16 > MAX_ARG}
                skipped += len(cannot)
                values = {k: v for k, v in wanted_values.items() if k not in cannot}
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
            registry = spec.get("registry") or {}
            if doc.get("kind") == "Secret" and registry.get("enabled") \
                    and doc["metadata"]["name"] == f"{(spec.get('app') or {}).get('name', 'web')}-registry":
                try:
                    theirs = docker_registry(binary, doc["metadata"]["name"], registry)
                    if (doc.get("data") or {}) != theirs and not doc.get("stringData"):
                        problems.append(f"registry login: ours {doc.get('data')!r:.150}, "
                                        f"kubectl create secret docker-registry {theirs!r:.150}")
                except Exception as e:
                    problems.append(str(e))
            for p in problems:
                print(f"FAIL {where}: {' '.join(p.split())}")
            failed += bool(problems)
            passed += not problems
    print(f"oracles-kubectl: compared {entries} ConfigMap/Secret entries; skipped {skipped} that argv cannot carry")
    print(f"oracles-kubectl: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
