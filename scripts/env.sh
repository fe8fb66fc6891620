# Sourced by the scripts: the repo root, and a PATH where the pinned tools come first (npm's wasm-opt
# from binaryen 132 must win over Debian's binaryen 108, which breaks the app).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/tools/node/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cd "$ROOT"
