#!/usr/bin/env bash
# Size and speed figures for the release site in dist/ (no pass/fail: compare builds on one machine).
#
#   scripts/bench.sh                       from anywhere; builds dist/ first only if it is missing
#   BENCH_LOADS=15 BENCH_KEYS=300 scripts/bench.sh
#   BENCH_BASE=<revision> scripts/bench.sh also builds that revision (in a scratch git worktree, into
#                                          its own dist/) and compares its sizes and keystroke
#                                          figures with this build's in the same run
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

# (a) What a visitor downloads, compressed the way a server would send it: first what makes the
# prerendered page editable (HTML with the stylesheet in it, boot.js and the start-up module,
# scripts/boot-module.sh), then the page's own JS and wasm, which boot.js fetches after that.
gz() { gzip -9 -c "$@" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
shopt -s nullglob
page=(dist/app-*/kubewright-web*) early=(dist/kubewright-boot-*) rest=(dist/index.html dist/*.css dist/boot-*.js)
parts=(dist/app-*/__wasm_split.js dist/app-*/split_*.wasm dist/app-*/chunk_*.wasm)
[ ${#page[@]} -gt 0 ] || { echo "bench: no page wasm/js in dist/app-*/" >&2; exit 1; }
echo "Sizes (gzip -9 of dist/)"
printf '%-10s %-48s %10s %10s\n' part file raw gzip
first=0 later=0 used=0
for f in "${rest[@]}" "${early[@]}" "${page[@]}" "${parts[@]}"; do
  raw=$(wc -c <"$f")
  z=$(gz "$f")
  if [[ " ${parts[*]} " == *" $f "* ]]; then
    part="on use" used=$((used + z))
  elif [ ${#early[@]} -gt 0 ] && [[ " ${page[*]} " == *" $f "* ]]; then
    part=later later=$((later + z))
  else
    part=first first=$((first + z))
  fi
  printf '%-10s %-48s %10s %10s\n' "$part" "${f#dist/}" "$(kb "$raw")" "$(kb "$z")"
done
[ ${#early[@]} -gt 0 ] || echo "(no start-up module in dist/: the page's files come first)"
printf '%-10s %-48s %10s %10s   %s\n' first "before the form is live" "" "$(kb "$first")" "target <= 150 KB gz, aim 80"
printf '%-10s %-48s %10s %10s\n' later "the page, fetched once the form is live" "" "$(kb "$later")"
printf '%-10s %-48s %10s %10s\n' "on use" "the parts: in idle time once the page runs, or at" "" "$(kb "$used")"
printf '%-10s %-48s\n' "" "first use (split_<part>; chunk_<n>: shared by parts)"
echo "(index.html holds the prerendered first screen: scripts/prerender.mjs)"
echo

# (e) Where each module's bytes go, by crate: the cargo artifacts Trunk and scripts/boot-module.sh
# built dist/ from, through the same wasm-bindgen and wasm-opt -Oz, names kept.
weights=$(mktemp -d)
artifact="target/wasm32-unknown-unknown/release/kubewright-boot.wasm"
if [ -f "$artifact" ]; then
  wasm-bindgen --keep-debug --target web --no-typescript --out-dir "$weights" "$artifact"
  wasm-opt -Oz -g "$weights/kubewright-boot_bg.wasm" -o "$weights/kubewright-boot.wasm"
  echo "Where kubewright-boot's wasm goes (scripts/wasm-weights.py)"
  python3 scripts/wasm-weights.py "$weights/kubewright-boot.wasm" 15
  echo
fi
# The page split as scripts/split.sh splits it: the page's module and each part.
artifact="target/wasm32-unknown-unknown/release/kubewright-web.wasm"
if [ -f "$artifact" ]; then
  wasm-split-cli "$artifact" "$weights/split" --target web --out-name kubewright-web
  wasm-bindgen --keep-debug --keep-lld-exports --target web --no-typescript --out-dir "$weights" "$weights/split/kubewright-web.wasm"
  for wasm in "$weights/kubewright-web_bg.wasm" "$weights"/split/split_*.wasm "$weights"/split/chunk_*.wasm; do
    name=$(basename "$wasm" .wasm)
    wasm-opt -Oz -g "$wasm" -o "$weights/$name.opt.wasm"
    if [ "$name" = kubewright-web_bg ]; then
      echo "Where the page's module goes (scripts/wasm-weights.py)"
      python3 scripts/wasm-weights.py "$weights/$name.opt.wasm" 12
      echo
    else
      # The splitter keeps no function names in the parts: their sizes only.
      echo "The part $name: $(python3 scripts/wasm-weights.py "$weights/$name.opt.wasm" 1 | head -1)"
    fi
  done
fi
rm -rf "$weights"

# (b), (c) First YAML and keystroke latency, in headless chromium.
node tests/e2e/bench.mjs
# The first screen with the start-up module, prerendered only and plain, and a bare page as the
# floor, on localhost and on a slow phone profile (trace-first.mjs shows where a load's time goes).
node tests/e2e/bench-first.mjs
# A wide screen shows the YAML beside the form: there the browser's first paint is the YAML's too.
BENCH_VIEWPORT=1280x800 BENCH_PROFILE=localhost node tests/e2e/bench-first.mjs
node tests/e2e/bench-large.mjs
# (d) Keystrokes while sealing with a 4096-bit certificate (RSA-OAEP per changed value).
node tests/e2e/bench-seal.mjs

# (f) Another revision, built here and measured in the same run (machines are noisy: only figures
# from one run compare). It gets a target directory of its own: sharing target/ would leave its
# wasm where cargo, finding this checkout's build up to date, does not write this one's again.
if [ -n "${BENCH_BASE:-}" ]; then
  scratch=$(mktemp -d)
  base="$scratch/base"
  git worktree add --quiet --detach "$base" "$BENCH_BASE"
  trap 'git -C "$root" worktree remove --force "$base"; rm -rf "$scratch"' EXIT
  ln -s "$root/tools/node/node_modules" "$base/tools/node/node_modules"
  echo "Building $BENCH_BASE ($(git rev-parse --short "$BENCH_BASE")) for comparison"
  (cd "$base" && CARGO_TARGET_DIR="$root/target/bench-base" trunk build --release >"$scratch/build.log" 2>&1) ||
    { tail -20 "$scratch/build.log"; exit 1; }
  all_gz() {
    local sum=0 f
    while IFS= read -r f; do sum=$((sum + $(gz "$f"))); done < <(find "$1" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.html' \))
    echo "$sum"
  }
  echo "Every file of dist/, gzip -9 each: $BENCH_BASE $(kb "$(all_gz "$base/dist")"), this build $(kb "$(all_gz dist)")"
  node tests/e2e/bench-typing.mjs "base=$base/dist" "this=dist"
fi
