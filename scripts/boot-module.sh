#!/usr/bin/env bash
# Builds the start-up module (crates/boot: no Leptos, a few hundred KB smaller than the page) into a
# built site and names it in its index.html, next to the page's own <meta name="kubewright-app">;
# boot.js loads it first when the page came prerendered. Run by Trunk's post_build hook on release
# builds (before scripts/prerender.mjs); `scripts/boot-module.sh DIR` runs it on a built folder.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dir=${TRUNK_STAGING_DIR:-${1:-dist}}
if [ "${TRUNK_PROFILE:-release}" = debug ]; then
  echo "boot-module: debug build, no start-up module"
  exit 0
fi
index="$dir/index.html"
grep -q '<meta name="kubewright-app"' "$index" || { echo "boot-module: $index names no app" >&2; exit 1; }
cargo build --quiet --release --target wasm32-unknown-unknown -p kubewright-boot
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name kubewright-boot \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/kubewright-boot.wasm"
# The same optimisation as the page's (index.html asks Trunk for -Oz).
wasm-opt -Oz "$out/kubewright-boot_bg.wasm" -o "$out/opt.wasm"
# Content-hashed names, as Trunk gives the page's files, so a host can cache them for good.
hash=$(cat "$out/opt.wasm" "$out/kubewright-boot.js" | sha256sum | cut -c1-16)
js="kubewright-boot-$hash.js" wasm="kubewright-boot-${hash}_bg.wasm"
# Run again on a built folder: the new module replaces the old one.
rm -f "$dir"/kubewright-boot-*
sed -i '/kubewright-boot-/d' "$index"
cp "$out/kubewright-boot.js" "$dir/$js"
cp "$out/opt.wasm" "$dir/$wasm"
base=${TRUNK_PUBLIC_URL:-/}
# Preloaded, so the download starts while the HTML is parsed rather than once boot.js has run (a
# round trip less on a slow connection). `crossorigin` matches the mode of boot.js' fetch and import.
tags="<link rel=\"preload\" href=\"$base$wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin=\"anonymous\" />"
tags+="\n<link rel=\"modulepreload\" href=\"$base$js\" crossorigin=\"anonymous\" />"
tags+="\n<meta name=\"kubewright-boot\" data-js=\"$base$js\" data-wasm=\"$base$wasm\" />"
sed -i "s#<meta name=\"kubewright-app\"#$tags\n<meta name=\"kubewright-app\"#" "$index"
echo "boot-module: $wasm ($(gzip -9 -c "$dir/$wasm" | wc -c) B gzip) named in $index"
