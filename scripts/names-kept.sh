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
wasm-bindgen --keep-debug --target web --no-typescript --out-dir "$work" "$artifact"
js=("$out"/kubewright-web-*.js)
wasm=("$out"/kubewright-web-*_bg.wasm)
cmp -s "$work/kubewright-web.js" "${js[0]}" || { echo "names-kept: $artifact is not the build in $dist" >&2; exit 1; }
wasm-opt -Oz -g "$work/kubewright-web_bg.wasm" -o "${wasm[0]}"
echo "$out: the page's wasm with its function names"
