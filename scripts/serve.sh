#!/usr/bin/env bash
# Builds the release site into dist/ and serves it on 127.0.0.1 (default port 8080): `scripts/serve.sh [PORT]`.
set -euo pipefail
source "$(dirname "$0")/env.sh"
port=${1:-8080}
tools/ensure-tools.sh build
cargo fetch --quiet   # trunk builds with --offline: the crates must be here first
trunk build --release
echo
echo "Kubewright is at http://127.0.0.1:$port/  (Ctrl+C stops the server)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
