#!/usr/bin/env bash
# Splits the page's wasm into the page and the parts it fetches when first used (src/ui/lazy.rs:
# export, import), and puts them in the built site in place of Trunk's single module. Trunk has no
# split step, so Trunk's post_build hook runs this before scripts/boot-module.sh; it builds the page
# with the `split` feature and `--emit-relocs` (index.html, build.rs), which is what the
# splitter (wasm_split_cli_support, tools/ensure-tools.sh) reads the call graph from.
#
# The files go to app-<hash>/ (the loader, __wasm_split.js, fetches the parts relative to itself by
# fixed names, so the folder's name is what changes with the content), and index.html's
# <meta name="kubewright-app"> names the folder's JS and wasm for boot.js.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dir=${TRUNK_STAGING_DIR:-${1:-dist}}
profile=${TRUNK_PROFILE:-release}
index="$dir/index.html"
grep -q '<meta name="kubewright-app"' "$index" || { echo "split: $index names no app" >&2; exit 1; }
raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/kubewright-web.wasm"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
wasm-split-cli "$raw" "$out/split" --target web --out-name kubewright-web
# The main module still needs its JS glue; the parts share its memory and table through the loader.
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$out/app" --out-name kubewright-web \
  "$out/split/kubewright-web.wasm"
cp "$out/split/__wasm_split.js" "$out/app/"
# The loader compiles a part only when the host sends it as application/wasm. A static host may send
# application/octet-stream: then compile it from its bytes, as boot.js does for its two modules.
loader="$out/app/__wasm_split.js"
grep -q 'WebAssembly.instantiateStreaming(src, imports)' "$loader" ||
  { echo "split: the splitter's loader no longer instantiates as this script expects" >&2; exit 1; }
sed -i 's/WebAssembly.instantiateStreaming(src, imports)/instantiateAnyType(src, imports)/' "$loader"
cat >>"$loader" <<'JS'
// Added by scripts/split.sh: compiles while downloading when the host sends application/wasm, and
// from the bytes (a copy of the response) when it does not.
function instantiateAnyType(src, imports) {
    return WebAssembly.instantiateStreaming(src.then((response) => response.clone()), imports).catch(async (error) => {
        const response = await src;
        if (!response.ok) throw error;
        return WebAssembly.instantiate(await response.arrayBuffer(), imports);
    });
}
JS
for wasm in "$out/app/kubewright-web_bg.wasm" "$out"/split/split_*.wasm "$out"/split/chunk_*.wasm; do
  [ -e "$wasm" ] || continue
  target="$out/app/$(basename "$wasm")"
  # The same optimisation Trunk gave the single module (index.html once asked it for -Oz).
  if [ "$profile" = release ]; then wasm-opt -Oz "$wasm" -o "$target.opt" && mv "$target.opt" "$target"
  elif [ "$wasm" != "$target" ]; then cp "$wasm" "$target"; fi
done
app="app-$(cat "$out"/app/* | sha256sum | cut -c1-16)"
# Trunk's own single module (built with the feature, so its imports of the loader are unresolved).
rm -rf "$dir"/kubewright-web-*.js "$dir"/kubewright-web-*_bg.wasm "$dir"/app-*
mv "$out/app" "$dir/$app"
base=${TRUNK_PUBLIC_URL:-/}
sed -i -E "s#<meta name=\"kubewright-app\" data-js=\"[^\"]*\" data-wasm=\"[^\"]*\"#<meta name=\"kubewright-app\" data-js=\"$base$app/kubewright-web.js\" data-wasm=\"$base$app/kubewright-web_bg.wasm\"#" "$index"
grep -q "data-js=\"$base$app/kubewright-web.js\"" "$index" || { echo "split: could not name $app in $index" >&2; exit 1; }
for f in "$dir/$app"/*.wasm; do
  echo "split: $app/$(basename "$f") ($(gzip -9 -c "$f" | wc -c) B gzip)"
done
