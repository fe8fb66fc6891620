#!/usr/bin/env bash
# A copy of a release site whose page wasm keeps its function names, for CPU profiles
# (tests/e2e/bench-profile.mjs): the same cargo artifact Trunk built dist/ from, through the same
# wasm-bindgen and wasm-opt -Oz, with -g (names kept). The JS glue is the same as dist/'s.
#
#   scripts/names-kept.sh [DIST] [OUT]     defaults: dist/ and out/dist-names
#   CARGO_TARGET_DIR is read as cargo does (default target/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dist=$(realpath "${1:-dist}")
out=${2:-out/dist-names}
artifact="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/kubewright-web.wasm"
[ -f "$artifact" ] || { echo "names-kept: no $artifact (build the release site first)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
cp -r "$dist" "$out"
# Split as scripts/split.sh splits it, so the parts' code and the page's are where they are in dist/.
wasm-split-cli "$artifact" "$work/split" --target web --out-name kubewright-web
wasm-bindgen --keep-debug --keep-lld-exports --target web --no-typescript --out-dir "$work" "$work/split/kubewright-web.wasm"
app=("$out"/app-*)
cmp -s "$work/kubewright-web.js" "${app[0]}/kubewright-web.js" || { echo "names-kept: $artifact is not the build in $dist" >&2; exit 1; }
for wasm in "$work/kubewright-web_bg.wasm" "$work"/split/split_*.wasm "$work"/split/chunk_*.wasm; do
  [ -e "$wasm" ] && wasm-opt -Oz -g "$wasm" -o "${app[0]}/$(basename "$wasm")"
done
echo "$out: the page's wasm with its function names"
