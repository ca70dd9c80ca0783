#!/usr/bin/env bash
# Release build of the web app into dist/, shared by scripts/serve, scripts/test and
# scripts/bench. Sourced after scripts/lib/tools.sh.
#
# keel_build_web [--force]: runs `trunk build --release` unless dist/ was built from exactly the
# current inputs (a hash of src/, index.html, style/, Cargo.*, Trunk.toml), so a second
# `scripts/serve` starts in seconds.

keel_inputs_hash() {
  (cd "$KEEL_ROOT" && find src style index.html Cargo.toml Cargo.lock Trunk.toml rustfmt.toml scripts/lib/csp.py -type f -print0 2>/dev/null \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
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
