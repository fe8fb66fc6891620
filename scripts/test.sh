#!/usr/bin/env bash
# Every test, in order of cost: format and lints, native core tests, wasm wiring tests in headless
# Chromium, the release build, the external validators, and the end-to-end browser test. Installs what
# it needs first (tools/ensure-tools.sh skips what is already there). Stops at the first failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"

step() { printf '\n== %s\n' "$*"; }

step "tools"
tools/ensure-tools.sh
cargo fetch --quiet

step "rustfmt"
cargo fmt --all --check

step "clippy (every package natively, and the page (the root package) and the start-up module for wasm32)"
# Natively too: the page is built for wasm32 with erased component types (.cargo/config.toml), and
# code that only type-checks erased once kept the page from building natively.
cargo clippy --quiet --workspace --all-targets --features kubewright/testgen -- -D warnings
cargo clippy --quiet -p kubewright-web --target wasm32-unknown-unknown --all-targets -- -D warnings
# As the release build compiles it: the parts of src/ui/lazy.rs as split points.
cargo clippy --quiet -p kubewright-web --target wasm32-unknown-unknown --features split -- -D warnings
cargo clippy --quiet -p kubewright-boot --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests: spec -> objects -> YAML, golden files, k8s-openapi oracle, properties, CLI"
cargo test -p kubewright --features testgen
# Our one change to serde_yaml (YAML 1.1 quoting) has its own unit test.
cargo test --manifest-path vendor/serde_yaml/Cargo.toml --target-dir target/vendor --lib yaml11

step "wasm tests in headless Chromium (the UI wiring)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p kubewright-web --target wasm32-unknown-unknown --test web
# Explanations, form <-> YAML links, pictures, database and target.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  cargo test -p kubewright-web --target wasm32-unknown-unknown --test learn

step "release build (trunk, offline)"
trunk build --release

step "external validators on every document of every preset and of generated specs"
bash tests/oracles/run.sh

step "form and external validators agree on every error case of the validation table"
bash tests/oracles/agreement.sh

step "checkov's Kubernetes checks on every preset after its one-click fixes (README: what remains)"
bash tests/oracles/checkov.sh

step "end-to-end in Chromium against the release build"
node tests/e2e/e2e.mjs
node tests/e2e/route.mjs   # the Gateway API: the way-in choice, a route, its Gateway, errors
# Secrets stay in the page (no request, storage, URL, console or command holds one; CSP in force), and
# a SealedSecret made in the page opens with the controller's algorithm (tests/oracles/unseal.py).
node tests/e2e/secrets.mjs
node tests/e2e/keep.mjs   # import, zip/chart downloads, share link, autosave, undo/redo
node tests/e2e/volumes.mjs   # a claim, its warning's fix, a secret file kept out of links and storage
# Someone else's link, spec file or paste: kept objects held for review, dangers named, nothing stored.
node tests/e2e/hostile.mjs
# The two newcomer walkthroughs (laptop and phone), keyboard only, dark mode; screenshots looked at.
node tests/e2e/walkthrough.mjs
# The first screen the build put in the HTML: equal to the app's, kept keystrokes, nothing moves.
node tests/e2e/prerender.mjs
node tests/e2e/offline.mjs   # loaded, then offline: import, zip, chart and sealing still work
node tests/e2e/lazy.mjs   # each part fetched on first use: its loading state, a refused fetch, a retry
node tests/e2e/big.mjs   # 10,000 env vars: the checks a frame later, a copy still asks first

step "accessibility (axe-core), dark mode, 375 px, form <-> YAML links; screenshots in out/screenshots/"
node tests/e2e/a11y.mjs

echo
echo "all test stages passed"
