#!/usr/bin/env bash
# Size and speed figures for the release site in dist/ (no pass/fail: compare builds on one machine).
#
#   scripts/bench.sh                       from anywhere; builds dist/ first only if it is missing
#   BENCH_LOADS=15 BENCH_KEYS=300 scripts/bench.sh
#
# Assumes the tools are installed (tools/ensure-tools.sh): trunk, wasm-bindgen, tools/node packages.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# npm's wasm-opt (binaryen 132) must come before /usr/bin: Debian's binaryen 108 breaks the app.
export PATH="$root/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"

if [ ! -f dist/index.html ]; then
  echo "bench: dist/ missing, building it (trunk build --release)" >&2
  trunk build --release
fi

# (a) What a visitor downloads, compressed the way a server would send it.
gz() { gzip -9 -c "$@" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
shopt -s nullglob
wasm=(dist/*.wasm) js=(dist/*.js) css=(dist/*.css) html=(dist/index.html)
[ ${#wasm[@]} -gt 0 ] && [ ${#js[@]} -gt 0 ] || { echo "bench: no wasm/js in dist/" >&2; exit 1; }
total=0
echo "Sizes (gzip -9 of dist/)"
printf '%-8s %-46s %10s %10s   %s\n' kind file raw gzip target
for kind in wasm js css html; do
  declare -n files=$kind
  for f in "${files[@]}"; do
    raw=$(wc -c <"$f")
    z=$(gz "$f")
    total=$((total + z))
    printf '%-8s %-46s %10s %10s\n' "$kind" "${f#dist/}" "$(kb "$raw")" "$(kb "$z")"
  done
done
printf '%-8s %-46s %10s %10s   %s\n' total "wasm + js + css + html" "" "$(kb "$total")" "<= 150 KB gz"
echo "(index.html holds the prerendered first screen: scripts/prerender.mjs)"
echo

# (b), (c) First YAML and keystroke latency, in headless chromium.
node tests/e2e/bench.mjs
# The first screen with and without the prerendered HTML, on localhost and on a slow phone profile.
node tests/e2e/bench-first.mjs
node tests/e2e/bench-large.mjs
# (d) Keystrokes while sealing with a 4096-bit certificate (RSA-OAEP per changed value).
node tests/e2e/bench-seal.mjs
