#!/usr/bin/env bash
# Serves a built app on a free loopback port for the end-to-end tests and the benchmarks, and
# stops every server it started when the calling script exits. Sourced after scripts/lib/tools.sh.
#
#   keel_serve DIR      starts scripts/lib/serve_dist.py on DIR; sets KEEL_SERVED_URL
#   keel_serve_stop     stops every server started so far (also run on EXIT)

KEEL_SERVED_PIDS=()
KEEL_SERVED_URL=""

keel_serve_stop() {
  local pid
  for pid in "${KEEL_SERVED_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null
      wait "$pid" 2>/dev/null || true  # a server stopped by kill exits 143
    fi
  done
  KEEL_SERVED_PIDS=()
}
trap keel_serve_stop EXIT

keel_serve() {
  local dir="$1" out pid _
  out="$(mktemp)"
  KEEL_SERVE_QUIET=1 python3 "$KEEL_ROOT/scripts/lib/serve_dist.py" "$dir" 0 >"$out" 2>&1 &
  pid=$!
  KEEL_SERVED_PIDS+=("$pid")
  KEEL_SERVED_URL=""
  for _ in $(seq 100); do
    KEEL_SERVED_URL="$(grep -oE 'http://127\.0\.0\.1:[0-9]+/' "$out" | head -1 || true)"
    [ -n "$KEEL_SERVED_URL" ] && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the loopback server for $dir did not start:" >&2
  cat "$out" >&2
  return 1
}
