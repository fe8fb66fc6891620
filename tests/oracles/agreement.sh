#!/usr/bin/env bash
# Do the form and the external validators agree? Every error case of the validation table
# (crates/kubewright/tests/validate.rs) is rendered to YAML and given to kubernetes-validate (strict)
# and kubernetes-models; each must refuse exactly the cases the table says it catches ("caught_by"),
# and pass the others (those are the rules only Kubewright checks). k8s-openapi's column is checked
# natively by the same test file.
#
#   bash tests/oracles/agreement.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
cd "$root"
py=$root/tools/.venv/bin/python
out=$root/out/agreement
rm -rf "$out"
mkdir -p "$out"

KUBEWRIGHT_CASES_DIR=$out cargo test -q -p kubewright --test tests -- --ignored --exact validate::export_error_cases >/dev/null
mapfile -t files < <(cut -f1 "$out/cases.tsv" | sed "s|^|$out/|")
[ "${#files[@]}" -gt 10 ] || { echo "agreement: too few cases exported" >&2; exit 1; }

# Each validator prints "FAIL <file>[#doc]: ..." per refused document; neither may crash.
"$py" "$here/validate.py" "${files[@]}" >"$out/validate.log" 2>&1 || true
node "$here/models.mjs" "${files[@]}" >"$out/models.log" 2>&1 || true
for log in validate models; do
  grep -qE '^oracles-[a-z]+: [0-9]+ passed, [0-9]+ failed$' "$out/$log.log" \
    || { echo "agreement: $log validator did not finish:" >&2; cat "$out/$log.log" >&2; exit 1; }
done

agree=0
disagree=0
printf '%-44s %-26s %-22s %s\n' case rule kubernetes-validate kubernetes-models
while IFS=$'\t' read -r file rule claim; do
  row=()
  for v in kubernetes-validate:validate kubernetes-models:models; do
    name=${v%%:*}
    log=$out/${v##*:}.log
    if grep -q "^FAIL $out/$file" "$log"; then caught=yes; else caught=no; fi
    if [[ "$claim" == *"$name"* ]]; then expected=yes; else expected=no; fi
    if [ "$caught" = "$expected" ]; then
      agree=$((agree + 1)); row+=("$( [ $caught = yes ] && echo refuses || echo passes)")
    else
      disagree=$((disagree + 1)); row+=("$( [ $caught = yes ] && echo "REFUSES (table: no)" || echo "PASSES (table: yes)")")
    fi
  done
  printf '%-44s %-26s %-22s %s\n' "${file%.yaml}" "$rule" "${row[0]}" "${row[1]}"
done <"$out/cases.tsv"
echo "agreement: $agree agree, $disagree disagree"
[ "$disagree" -eq 0 ]
