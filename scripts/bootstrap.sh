#!/usr/bin/env bash
# Makes this checkout runnable: Node 24 LTS (installed from the npm registry into .tools/ when the
# machine's node is older), pnpm at the version pinned in package.json, and the workspace's
# dependencies from the frozen lockfile. Safe to run again: each step is skipped when already done.
# Source it (`. scripts/bootstrap.sh`) to get the right node and pnpm on PATH.
set -euo pipefail

MERCADO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_MAJOR_REQUIRED=24
NODE_PACKAGE_VERSION="${MERCADO_NODE_VERSION:-24.22.3}"
TOOLS_DIR="$MERCADO_ROOT/.tools"

log() { printf '[bootstrap] %s\n' "$*" >&2; }
die() { printf '[bootstrap] error: %s\n' "$*" >&2; exit 1; }

# Registry calls fail now and then for a moment: try three times before giving up.
retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    [ "$attempt" = 3 ] || { log "attempt $attempt failed; retrying in $((attempt * 3)) s"; sleep $((attempt * 3)); }
  done
  return 1
}

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ -x "$TOOLS_DIR/node/bin/node" ]; then
    export PATH="$TOOLS_DIR/node/bin:$PATH"
  fi
  local current
  current="$(command -v node || true)"
  if [ -n "$current" ] && [ "$(node_major "$current")" -ge "$NODE_MAJOR_REQUIRED" ]; then
    return 0
  fi
  command -v npm >/dev/null || die "no node/npm on PATH; install any Node.js with npm so the bootstrap can fetch Node $NODE_MAJOR_REQUIRED"
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) die "unsupported CPU $(uname -m); install Node $NODE_MAJOR_REQUIRED yourself" ;;
  esac
  log "node on PATH is ${current:-missing} ($(node --version 2>/dev/null || echo none)); installing Node $NODE_PACKAGE_VERSION from the npm registry into .tools/node"
  local tmp
  tmp="$(mktemp -d)"
  # The node-linux-<arch> package carries the official Node.js binary distribution.
  (cd "$tmp" && retry npm pack --silent "node-linux-$arch@$NODE_PACKAGE_VERSION" >/dev/null) \
    || die "could not download node-linux-$arch@$NODE_PACKAGE_VERSION from the npm registry (check network or npm config)"
  rm -rf "$TOOLS_DIR/node" && mkdir -p "$TOOLS_DIR/node"
  tar -xzf "$tmp"/node-linux-*.tgz -C "$TOOLS_DIR/node" --strip-components=1
  rm -rf "$tmp"
  [ -x "$TOOLS_DIR/node/bin/node" ] || die "the downloaded package has no bin/node"
  export PATH="$TOOLS_DIR/node/bin:$PATH"
  log "using $(node --version) from .tools/node"
}

ensure_pnpm() {
  local wanted
  wanted="$(node -p 'require(process.argv[1]).packageManager.split("@")[1]' "$MERCADO_ROOT/package.json")"
  if [ -x "$TOOLS_DIR/pnpm/bin/pnpm" ]; then
    export PATH="$TOOLS_DIR/pnpm/bin:$PATH"
    [ "$(pnpm --version 2>/dev/null)" = "$wanted" ] && return 0
  fi
  log "installing pnpm $wanted into .tools/pnpm"
  retry npm install --silent --no-audit --no-fund --global --prefix "$TOOLS_DIR/pnpm" "pnpm@$wanted" >/dev/null \
    || die "could not install pnpm@$wanted from the npm registry"
  export PATH="$TOOLS_DIR/pnpm/bin:$PATH"
}

ensure_dependencies() {
  local stamp="$MERCADO_ROOT/node_modules/.mercado-install-stamp"
  local lock_sum
  lock_sum="$(sha256sum "$MERCADO_ROOT/pnpm-lock.yaml" | cut -d' ' -f1)-$(node --version)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ]; then
    return 0
  fi
  log "installing workspace dependencies (pnpm install --frozen-lockfile)"
  (cd "$MERCADO_ROOT" && retry pnpm install --frozen-lockfile --reporter=append-only) >&2 \
    || die "pnpm install failed; see the output above"
  echo "$lock_sum" >"$stamp"
}

ensure_node
ensure_pnpm
if [ "${MERCADO_SKIP_INSTALL:-0}" != "1" ]; then
  ensure_dependencies
fi
export TURBO_TELEMETRY_DISABLED=1
export PATH="$MERCADO_ROOT/node_modules/.bin:$PATH"
