"""Oracle (a): kubernetes-validate, strict, Kubernetes 1.37.0 schemas, on every document.

Usage: tools/.venv/bin/python tests/oracles/validate.py FILE.yaml...

Why the Python API and not the CLI: the CLI only WARNs when it has no schema for a kind/apiVersion
(e.g. apps/v1beta2), so a removed apiVersion would pass. Here every error, a missing schema
included, is a failure.

Why PyYAML: it reads YAML 1.1 like kubectl, so `yes`/`on`/`1_000`/`2001-12-14` left unquoted come out
as bool/int/date, and the extra checks below catch them. It is not go-yaml, though: it reads `y`, `n`,
`0o17`, `1e3` as strings where kubectl does not; kubectl_data.py compares the two readers.
"""
import base64
import binascii
import sys

import yaml
import kubernetes_validate
from kubernetes_validate.utils import (InvalidSchemaError, SchemaNotFoundError,
                                       ValidationError, VersionNotSupportedError)

K8S_VERSION = "1.37.0"


class Loader(yaml.SafeLoader):
    """SafeLoader that rejects duplicate keys (PyYAML would keep the last one silently; the
    API server's strict decoding rejects them)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


# A plain `=` is YAML 1.1's "value" type, which PyYAML cannot construct; kubectl (go-yaml) reads it
# as the string "=". Same workaround as kubernetes-validate's own CLI.
Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))


def is_std_base64(s):
    """Standard alphabet, padded, canonical: what `base64 -w0` and kubectl write."""
    if not isinstance(s, str):
        return False
    try:
        return base64.b64encode(base64.b64decode(s, validate=True)).decode() == s
    except (binascii.Error, ValueError):
        return False


def check(doc):
    """Returns a list of problems with one parsed document."""
    if not isinstance(doc, dict):
        return [f"document is not a mapping: {doc!r:.80}"]
    if doc.get("apiVersion") == "bitnami.com/v1alpha1" and doc.get("kind") == "SealedSecret":
        return check_sealed(doc)
    problems = []
    try:
        got = kubernetes_validate.validate(doc, K8S_VERSION, strict=True)
        if got != "1.37":
            problems.append(f"validated against {got}, not 1.37")
    except ValidationError as e:
        problems.append(f"schema {e.version}: {'.'.join(map(str, e.path))}: {e.message}")
    except (SchemaNotFoundError, InvalidSchemaError, VersionNotSupportedError) as e:
        problems.append(f"no usable schema (counts as a failure): {e.message}")
    except Exception as e:  # e.g. no apiVersion/kind at all
        problems.append(f"could not validate: {type(e).__name__}: {e}")
    # The schema allows null in ConfigMap data and knows nothing of base64: check those here too.
    kind = doc.get("kind")
    if kind == "ConfigMap":
        for k, v in (doc.get("data") or {}).items():
            if type(v) is not str:  # bool/int/float/None/date: the YAML 1.1 trap
                problems.append(f"data.{k} parses as {type(v).__name__} {v!r:.60}, not str")
        for k, v in (doc.get("binaryData") or {}).items():
            if not is_std_base64(v):
                problems.append(f"binaryData.{k} is not standard base64: {v!r:.60}")
    elif kind == "Secret":
        for k, v in (doc.get("data") or {}).items():
            if not is_std_base64(v):
                problems.append(f"data.{k} is not standard base64: {v!r:.60}")
        for k, v in (doc.get("stringData") or {}).items():
            if type(v) is not str:
                problems.append(f"stringData.{k} parses as {type(v).__name__}, not str")
    return problems


def check_sealed(doc):
    """kubernetes-validate has no schema for the SealedSecret CRD, so the document itself is not
    validated here (models.mjs checks it against the CRD's schema, unseal.py opens it). What the
    controller will create from it is a Secret: that Secret (template metadata and type) is validated
    strictly, and the encrypted values must be standard base64."""
    spec = doc.get("spec") or {}
    template = spec.get("template") or {}
    secret = {"apiVersion": "v1", "kind": "Secret", "metadata": template.get("metadata"),
              "type": template.get("type")}
    problems = [f"spec.template as a Secret: {p}" for p in check(secret)]
    for k, v in (spec.get("encryptedData") or {}).items():
        if not is_std_base64(v):
            problems.append(f"encryptedData.{k} is not standard base64: {v!r:.60}")
    return problems


# CloudNativePG's Cluster is a custom resource: kubernetes-validate has only the built-in schemas and no
# registry package ships CloudNativePG's CRD, so these documents are counted as skipped, not passed.
# Custom resources kubernetes-validate has no schema for (models.mjs checks ClusterIssuer with
# @kubernetes-models/cert-manager and the Gateway API's kinds with @kubernetes-models/gateway-api).
UNCHECKED = {("postgresql.cnpg.io/v1", "Cluster"), ("cert-manager.io/v1", "ClusterIssuer"),
             ("gateway.networking.k8s.io/v1", "HTTPRoute"), ("gateway.networking.k8s.io/v1", "Gateway"),
             ("gateway.networking.k8s.io/v1beta1", "ReferenceGrant")}


def main(files):
    passed = failed = skipped = 0
    for path in files:
        try:
            with open(path, encoding="utf-8") as f:
                docs = list(yaml.load_all(f, Loader=Loader))
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            print(f"FAIL {path}: does not parse as YAML 1.1: {' '.join(str(e).split())}")
            failed += 1
            continue
        for i, doc in enumerate(docs):
            name = f"{doc.get('kind')}/{(doc.get('metadata') or {}).get('name')}" \
                if isinstance(doc, dict) else "?"
            if isinstance(doc, dict) and (doc.get("apiVersion"), doc.get("kind")) in UNCHECKED:
                skipped += 1
                continue
            problems = check(doc)
            for p in problems:
                print(f"FAIL {path}#{i} {name}: {p}")
            failed += bool(problems)
            passed += not problems
    if skipped:
        print(f"oracles-validate: skipped {skipped} custom resources (CloudNativePG Cluster, cert-manager "
              "ClusterIssuer, Gateway API HTTPRoute/Gateway/ReferenceGrant: no schema offline)")
    print(f"oracles-validate: {passed} passed, {failed} failed")
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
