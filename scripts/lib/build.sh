#!/usr/bin/env bash
# Release build of the web app into dist/, shared by scripts/serve, scripts/test and
# scripts/bench. Sourced after scripts/lib/tools.sh.
#
# keel_build_web [--force]: runs `trunk build --release` unless dist/ was built from exactly the
# current inputs, so a second `scripts/serve` starts in seconds. The inputs: src/, style/,
# index.html, Cargo.toml and Cargo.lock, Trunk.toml, rustfmt.toml, .cargo/ (build settings),
# package-lock.json (wasm-opt comes from npm), the post-build hook, and the versions of rustc,
# Trunk, wasm-bindgen and wasm-opt that build it.

keel_inputs_hash() {
  (
    cd "$KEEL_ROOT" || exit 1
    find src style index.html Cargo.toml Cargo.lock Trunk.toml rustfmt.toml package-lock.json .cargo scripts/lib/csp.py \
      -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum
    rustc --version 2>&1
    trunk --version 2>&1
    wasm-bindgen --version 2>&1
    wasm-opt --version 2>&1
  ) | sha256sum | cut -d' ' -f1
}

keel_build_web() {
  local stamp="$KEEL_ROOT/dist/.keel-inputs" hash
  hash="$(keel_inputs_hash)"
  if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$hash" ]; then
    keel_say "dist/ is up to date with the sources"
    return 0
  fi
  keel_say "building the web app (trunk build --release)"
  (cd "$KEEL_ROOT" && trunk build --release) || return 1
  echo "$hash" > "$stamp"
}
