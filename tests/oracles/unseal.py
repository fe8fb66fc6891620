"""Oracle (d): open our SealedSecrets the way the sealed-secrets controller does, with an implementation
that is not ours (Python's `cryptography`), and compare with the spec's plain values byte for byte.

Usage:
  tools/.venv/bin/python tests/oracles/unseal.py keygen DIR
      a throwaway RSA-4096 key and self-signed certificate, as the controller makes them
      (DIR/key.pem, DIR/cert.pem), plus certificates the product must refuse (DIR/ec-cert.pem,
      DIR/rsa1024-cert.pem)
  tools/.venv/bin/python tests/oracles/unseal.py check KEY.pem SPEC_DIR FILE.yaml...
      every SealedSecret in FILE.yaml (spec: SPEC_DIR/FILE.json) must open to exactly the spec's
      secrets; and must NOT open under a wrong label (another name, another namespace)

The controller's algorithm (pkg/crypto HybridDecrypt): the value is base64 of `u16 big-endian length
of the RSA ciphertext || RSA ciphertext || AES-256-GCM ciphertext with tag`; the RSA part is
RSA-OAEP(SHA-256, MGF1-SHA-256) of the 32-byte session key with label `namespace/name` (strict),
`namespace` (annotation sealedsecrets.bitnami.com/namespace-wide: "true") or empty (cluster-wide);
the AES part uses a 12-byte all-zero nonce and no additional data.
"""
import base64
import datetime
import json
import struct
import sys
from pathlib import Path

import yaml
from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, serialization

# The ConfigMap/Secret entries a spec should produce, derived ones included (one implementation).
sys.path.insert(0, str(Path(__file__).parent))
from kubectl_data import wanted as wanted_data  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.x509.oid import NameOID

NAMESPACE_WIDE = "sealedsecrets.bitnami.com/namespace-wide"
CLUSTER_WIDE = "sealedsecrets.bitnami.com/cluster-wide"


class Loader(yaml.SafeLoader):
    pass


# A plain `=` is YAML 1.1's "value" type, which PyYAML cannot construct (see validate.py).
Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def self_signed(key, sign_with, days=3650):
    name = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "sealed-secret"),
                      x509.NameAttribute(NameOID.COMMON_NAME, "sealed-secret")])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=days))
            .sign(sign_with, hashes.SHA256()))


def keygen(out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=4096)
    (out / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                    serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    pem = serialization.Encoding.PEM
    (out / "cert.pem").write_bytes(self_signed(key, key).public_bytes(pem))
    ec_key = ec.generate_private_key(ec.SECP256R1())
    (out / "ec-cert.pem").write_bytes(self_signed(ec_key, ec_key).public_bytes(pem))
    small = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    (out / "rsa1024-cert.pem").write_bytes(self_signed(small, small).public_bytes(pem))
    print(f"unseal: keys and certificates in {out}")
    return 0


def unseal(key, sealed_b64, label):
    """The controller's HybridDecrypt; raises on a wrong label or a damaged value."""
    data = base64.b64decode(sealed_b64, validate=True)
    if base64.b64encode(data).decode() != sealed_b64:
        raise ValueError("not canonical standard base64")
    (rsa_len,) = struct.unpack(">H", data[:2])
    if len(data) < 2 + rsa_len:
        raise ValueError("shorter than its RSA part")
    rsa_part, aes_part = data[2:2 + rsa_len], data[2 + rsa_len:]
    oaep = padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(),
                        label=label.encode() or None)
    session_key = key.decrypt(rsa_part, oaep)
    if len(session_key) != 32:
        raise ValueError(f"session key of {len(session_key)} bytes, not 32")
    return AESGCM(session_key).decrypt(b"\0" * 12, aes_part, None)


def label_of(doc):
    """The label the controller uses for this SealedSecret (from its own metadata and annotations)."""
    meta = doc["metadata"]
    annotations = meta.get("annotations") or {}
    if annotations.get(CLUSTER_WIDE) == "true":
        return "cluster-wide", ""
    if annotations.get(NAMESPACE_WIDE) == "true":
        return "namespace-wide", meta.get("namespace", "")
    return "strict", f"{meta.get('namespace', '')}/{meta['name']}"


def wrong_labels(scope, doc):
    meta = doc["metadata"]
    ns, name = meta.get("namespace", ""), meta["name"]
    # Another name in the same namespace; the same name in another namespace; and for the wider
    # scopes, the labels of the narrower ones (a namespace-wide value is not a strict one).
    out = {f"{ns}/{name}-other", f"{ns}-other/{name}", f"{ns}-other"}
    if scope != "strict":
        out.add(f"{ns}/{name}")
    if scope == "cluster-wide":
        out.add(ns)
    return sorted(out - {label_of(doc)[1]})


def check(key_path, spec_dir, files):
    key = serialization.load_pem_private_key(Path(key_path).read_bytes(), password=None)
    passed = failed = values = refused = 0
    scopes = set()

    def fail(where, msg):
        nonlocal failed
        print(f"FAIL {where}: {' '.join(str(msg).split())}")
        failed += 1

    for path in files:
        spec = json.loads((Path(spec_dir) / (Path(path).stem + ".json")).read_text("utf-8"))
        with open(path, encoding="utf-8") as f:
            docs = [d for d in yaml.load_all(f, Loader=Loader) if isinstance(d, dict)]
        sealed = [d for d in docs if d.get("kind") == "SealedSecret"]
        # Every Secret the spec makes (rebuilt independently by kubectl_data.wanted): the app's, with
        # the derived database URL, and the database's own password Secret. All must be sealed.
        wanted_secrets = {name: v for (kind, name), v in wanted_data(spec).items() if kind == "Secret"}
        db = spec.get("database") or {}
        db_type = "kubernetes.io/basic-auth" if db.get("kind") == "cloud_native_pg" else "Opaque"
        if any(d.get("kind") == "Secret" for d in docs):
            fail(path, "a plain Secret next to the SealedSecrets")
        got_names = sorted(d["metadata"]["name"] for d in sealed)
        if got_names != sorted(wanted_secrets):
            fail(path, f"SealedSecrets {got_names} for the spec's Secrets {sorted(wanted_secrets)}")
        for doc in sealed:
            where = f"{path} SealedSecret/{doc['metadata']['name']}"
            problems = []
            scope, label = label_of(doc)
            scopes.add(scope)
            if doc.get("apiVersion") != "bitnami.com/v1alpha1":
                problems.append(f"apiVersion {doc.get('apiVersion')}")
            template = doc["spec"]["template"]
            app_name = (spec.get("app") or {}).get("name", "web")
            file_secrets = {f"{app_name}-{v.get('name', 'data')}" for v in spec.get("volumes") or []
                            if v.get("kind") == "secret_files"}
            is_app = doc["metadata"]["name"].endswith("-env-secret") or doc["metadata"]["name"] in file_secrets
            is_registry = doc["metadata"]["name"] == f"{app_name}-registry"
            want_type = "kubernetes.io/dockerconfigjson" if is_registry else "Opaque" if is_app else db_type
            if template.get("type") != want_type:
                problems.append(f"template type {template.get('type')!r}, not {want_type!r}")
            for field in ("name", "namespace", "labels", "annotations"):
                if template["metadata"].get(field) != doc["metadata"].get(field):
                    problems.append(f"template metadata.{field} differs from the SealedSecret's")
            wanted = wanted_secrets.get(doc["metadata"]["name"], [])
            got = list((doc["spec"].get("encryptedData") or {}).items())
            if [k for k, _ in got] != [k for k, _ in wanted]:
                problems.append(f"keys {[k for k, _ in got]} vs spec {[k for k, _ in wanted]}")
            for (k, sealed_value), (_, plain) in zip(got, wanted):
                try:
                    opened = unseal(key, sealed_value, label)
                    values += 1
                    if opened != plain.encode("utf-8"):
                        problems.append(f"{k} opens to {opened!r:.80}, spec has {plain!r:.80}")
                except Exception as e:
                    problems.append(f"{k} does not open with label {label!r}: {type(e).__name__} {e}")
                    continue
                for wrong in wrong_labels(scope, doc):
                    try:
                        unseal(key, sealed_value, wrong)
                        problems.append(f"{k} ALSO opens with the wrong label {wrong!r}")
                    except (ValueError, InvalidTag):
                        refused += 1
            for p in problems:
                fail(where, p)
            passed += not problems
    print(f"oracles-unseal: opened {values} values (scopes: {', '.join(sorted(scopes))}); "
          f"{refused} wrong-label attempts refused")
    print(f"oracles-unseal: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["keygen"]:
        sys.exit(keygen(sys.argv[2]))
    if sys.argv[1:2] == ["check"]:
        sys.exit(check(sys.argv[2], sys.argv[3], sys.argv[4:]))
    print(__doc__)
    sys.exit(2)
