#!/usr/bin/env bash
# Installs whatever Keel's build and tests need and is missing; quick when everything is there.
# Sourced by scripts/serve, scripts/test and scripts/bench. Every tool comes from a package
# registry (crates.io, npm, Debian); nothing is downloaded from anywhere else.
#
#   keel_tools_build   wasm32 target, Trunk, wasm-bindgen-cli, wasm-opt (npm binaryen), crates fetched
#   keel_tools_browser Debian chromium + chromium-driver, npm playwright-core and axe-core, python3
#   keel_tools_server  python3 (serves dist/ on loopback)

KEEL_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KEEL_TRUNK_VERSION="0.21.14"
KEEL_WASM_BINDGEN_VERSION="0.2.130"
KEEL_WASM_OPT_VERSION="132"

export PATH="$HOME/.cargo/bin:$KEEL_ROOT/node_modules/.bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

keel_say() { printf '\033[1;34m[keel]\033[0m %s\n' "$*" >&2; }

# keel_failed WHAT: says which install failed (its own error is printed above) and returns 1, so
# the caller stops there instead of failing later at the build with a less clear message.
keel_failed() { printf '\033[1;31m[keel] could not install %s: see the error above\033[0m\n' "$*" >&2; return 1; }

# keel_apt_install PACKAGE...: installs Debian packages (as root, or through sudo).
keel_apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if ! command -v apt-get >/dev/null; then
    keel_say "missing: $* (install them with your package manager; Keel's scripts know apt-get only)"
    return 1
  fi
  keel_say "installing $* from Debian"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null \
    || keel_failed "$* (apt-get)"
}

# python3 serves the built app on loopback (scripts/lib/serve_dist.py).
keel_tools_server() {
  command -v python3 >/dev/null || keel_apt_install python3
}

keel_tools_build() {
  if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
    keel_say "Rust is missing: install rustup (https://rustup.rs), then run this again"; return 1
  fi
  if ! command -v npm >/dev/null; then
    keel_apt_install nodejs npm || return 1
  fi
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    keel_say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown || { keel_failed "the wasm32-unknown-unknown target (rustup)"; return 1; }
  fi
  if ! trunk --version 2>/dev/null | grep -q "$KEEL_TRUNK_VERSION"; then
    keel_say "installing Trunk $KEEL_TRUNK_VERSION (one time, about 5 minutes)"
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install --locked trunk --version "$KEEL_TRUNK_VERSION" --no-default-features \
      || { keel_failed "Trunk $KEEL_TRUNK_VERSION (cargo install)"; return 1; }
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q "$KEEL_WASM_BINDGEN_VERSION"; then
    keel_say "installing wasm-bindgen-cli $KEEL_WASM_BINDGEN_VERSION (one time, a few minutes)"
    # Not --locked: its lockfile names a crate version the registry no longer serves.
    CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
      cargo install wasm-bindgen-cli --version "$KEEL_WASM_BINDGEN_VERSION" \
      || { keel_failed "wasm-bindgen-cli $KEEL_WASM_BINDGEN_VERSION (cargo install)"; return 1; }
  fi
  keel_npm_ci || return 1
  if ! wasm-opt --version 2>/dev/null | grep -q "version $KEEL_WASM_OPT_VERSION"; then
    keel_say "wasm-opt $KEEL_WASM_OPT_VERSION not found after npm ci"; return 1
  fi
  (cd "$KEEL_ROOT" && cargo fetch --locked -q) || { keel_failed "the crates in Cargo.lock (cargo fetch --locked)"; return 1; }
}

# npm packages pinned in package-lock.json: binaryen (wasm-opt), playwright-core, axe-core.
keel_npm_ci() {
  local stamp="$KEEL_ROOT/node_modules/.keel-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$KEEL_ROOT/package-lock.json" "$stamp"; then
    keel_say "installing npm packages from package-lock.json"
    (cd "$KEEL_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || { keel_failed "the npm packages (npm ci)"; return 1; }
    cp "$KEEL_ROOT/package-lock.json" "$stamp"
  fi
}

keel_tools_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    keel_apt_install chromium chromium-driver || return 1
  fi
  keel_tools_server || return 1
  keel_npm_ci || return 1
  export CHROMEDRIVER=/usr/bin/chromedriver
}
