#!/usr/bin/env bash
# Agreement with a best-practice scanner: checkov's Kubernetes checks on every preset's output after
# all its one-click fixes. Every failing check must be one the README names, with why Kubewright
# disagrees (or has not fixed it yet); a check failing outside that list fails this stage, and so
# does a listed check that no longer fails (the README would then say something untrue).
#
#   bash tests/oracles/checkov.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
py=$root/tools/.venv/bin/python
out=$root/out/checkov
rm -rf "$out"
mkdir -p "$out"

cargo run -q -p kubewright --example fixed-presets -- "$out/yaml" >/dev/null
# Offline: checkov's guideline download fails and is only logged (stderr kept in the log).
"$py" -m checkov.main -d "$out/yaml" --framework kubernetes --compact -o json \
  >"$out/report.json" 2>"$out/checkov.log" || true
"$py" - "$out/report.json" "$root/README.md" <<'PY'
import json, re, sys
report = json.load(open(sys.argv[1]))
results = report["results"]
failed = {}
for f in results["failed_checks"]:
    failed.setdefault(f["check_id"], []).append(f"{f['file_path']} {f['resource']}")
section = open(sys.argv[2]).read().split("## Agreement with checkov", 1)[-1].split("\n## ", 1)[0]
# The list items name the checks that still fail; other mentions (fixed ones) do not count.
listed = set(re.findall(r"^- `(CKV2?_K8S_\d+)`", section, re.M))
print(f"checkov: {len(results['passed_checks'])} passed, {len(results['failed_checks'])} failed "
      f"({len(failed)} checks), on {report['summary']['resource_count']} resources")
for check, where in sorted(failed.items()):
    print(f"  {check} ({len(where)}): {'listed in the README' if check in listed else 'NOT LISTED'}")
bad = sorted(set(failed) - listed)
stale = sorted(listed - set(failed))
if bad:
    print(f"checkov: failing checks the README does not name: {bad}")
if stale:
    print(f"checkov: the README names checks that pass now: {stale}")
sys.exit(1 if bad or stale or not results["passed_checks"] else 0)
PY
