// Oracle (b): kubernetes-models (npm) `.validate()` on every document.
//
// Usage: node tests/oracles/models.mjs FILE.yaml...
//
// Why: its JSON schemas check formats the other oracles skip: base64 (`format: byte`) in Secret data
// and resource quantities ("250m", "128Mi"). It does not flag unknown fields (validate.py does).
//
// The packages live in tools/node/node_modules, not next to this script, so they are loaded by path:
// `yaml` through createRequire (it ships CommonJS for node), kubernetes-models by file URL (it is
// ESM-only; importing the file directly lets its own imports resolve from tools/node/node_modules).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const toolsNode = fileURLToPath(new URL("../../tools/node/", import.meta.url));
const YAML = createRequire(toolsNode + "package.json")("yaml");
// SealedSecret is a CRD: its model (generated from the sealed-secrets CRD schema) is a separate package.
const PACKAGES = {
  "bitnami.com/v1alpha1/SealedSecret": "@kubernetes-models/sealed-secrets",
  "cert-manager.io/v1/ClusterIssuer": "@kubernetes-models/cert-manager",
  // The Gateway API's CRDs (standard channel), generated from their schemas.
  "gateway.networking.k8s.io/v1/HTTPRoute": "@kubernetes-models/gateway-api",
  "gateway.networking.k8s.io/v1/Gateway": "@kubernetes-models/gateway-api",
  "gateway.networking.k8s.io/v1beta1/ReferenceGrant": "@kubernetes-models/gateway-api",
};
const model = async (path) =>
  import(pathToFileURL(`${toolsNode}node_modules/${PACKAGES[path] ?? "kubernetes-models"}/${path}.js`).href);

// Exactly the kinds we render; anything else (or another apiVersion) fails.
const KINDS = new Set([
  "v1/Namespace",
  "v1/ServiceAccount",
  "v1/ConfigMap",
  "v1/Secret",
  "v1/Service",
  "apps/v1/Deployment",
  "batch/v1/Job",
  "batch/v1/CronJob",
  "autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/Ingress",
  "networking.k8s.io/v1/NetworkPolicy",
  "cert-manager.io/v1/ClusterIssuer",
  "gateway.networking.k8s.io/v1/HTTPRoute",
  "gateway.networking.k8s.io/v1/Gateway",
  "gateway.networking.k8s.io/v1beta1/ReferenceGrant",
  "bitnami.com/v1alpha1/SealedSecret",
]);

// yaml 2.8.1's YAML 1.1 floats also match "." and "e9" (as NaN), which kubectl (go-yaml) and PyYAML
// read as strings; require a digit in the mantissa, as they do, so valid names like `e9` pass.
const FLOAT = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)$/;
const FLOAT_EXP = /^[-+]?(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)[eE][-+]?[0-9]+$/;
const customTags = (tags) =>
  tags.map((t) =>
    t.tag !== "tag:yaml.org,2002:float" || /inf/.test(t.test) ? t : { ...t, test: t.format === "EXP" ? FLOAT_EXP : FLOAT },
  );

// CloudNativePG's Cluster is a custom resource: kubernetes-models has no model for it and no registry
// package ships its schema, so it is counted as skipped here (tests/objects.rs checks its shape).
const UNCHECKED = new Set(["postgresql.cnpg.io/v1/Cluster"]);

let passed = 0;
let failed = 0;
let skipped = 0;
const fail = (where, msg) => {
  console.log(`FAIL ${where}: ${String(msg).replace(/\s+/g, " ")}`);
  failed++;
};

for (const file of process.argv.slice(2)) {
  // YAML 1.1 like kubectl: an unquoted `yes` becomes true and then fails the `string` type.
  const docs = YAML.parseAllDocuments(readFileSync(file, "utf8"), { version: "1.1", customTags });
  if (!Array.isArray(docs)) {
    fail(file, "not a YAML stream");
    continue;
  }
  for (const [i, doc] of docs.entries()) {
    const errors = [...doc.errors, ...doc.warnings].map((e) => e.message);
    if (errors.length) {
      fail(`${file}#${i}`, `YAML: ${errors.join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    const where = `${file}#${i} ${obj?.kind}/${obj?.metadata?.name}`;
    const path = `${obj?.apiVersion}/${obj?.kind}`;
    if (UNCHECKED.has(path)) {
      skipped++;
      continue;
    }
    if (!KINDS.has(path)) {
      fail(where, `unknown apiVersion/kind ${obj?.apiVersion} ${obj?.kind}`);
      continue;
    }
    const cls = (await model(path))[obj.kind];
    try {
      new cls(obj).validate();
      passed++;
    } catch (e) {
      fail(where, e.message);
    }
  }
}
if (skipped) console.log(`oracles-models: skipped ${skipped} CloudNativePG Cluster documents (no schema offline)`);
console.log(`oracles-models: ${passed} passed, ${failed} failed`);
process.exit(failed || !passed ? 1 : 0);
