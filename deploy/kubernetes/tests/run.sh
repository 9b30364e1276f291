#!/usr/bin/env bash
# Renders every overlay under deploy/kubernetes/overlays and checks it offline: schemas, policies,
# configuration coverage, drift (README.md beside this file). Run by ./passerelle test after the
# build, and alone by ./passerelle k8s-check. Exits non-zero when a check fails. With
# --write-generated (./passerelle k8s-manifests) it copies the last build's manifests instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for cmd in node npm "${KUBECTL:-kubectl}"; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "deploy/kubernetes/tests: '$cmd' is missing (node 20+ and npm from Debian's nodejs/npm; kubectl 1.32)" >&2
    exit 1
  fi
done

# Installed from the lock file, like the system tests' browser project: from npm's cache when it
# has the packages (--prefer-offline), and only when the lock file changed since the last install.
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  npm ci --no-audit --no-fund --ignore-scripts --prefer-offline --loglevel=error --update-notifier=false
  cp package-lock.json node_modules/.installed-lock.json
fi

# ./passerelle k8s-manifests: the last build's manifests into deploy/kubernetes/generated.
if [[ "${1:-}" == --write-generated ]]; then
  exec node write-generated.js
fi

# Each overlay is rendered once, by the summary, and read back by the test files.
PASSERELLE_K8S_RENDER_CACHE="$(mktemp -d "${TMPDIR:-/tmp}/passerelle-k8s-render.XXXXXX")"
export PASSERELLE_K8S_RENDER_CACHE
trap 'rm -rf "$PASSERELLE_K8S_RENDER_CACHE"' EXIT

rc=0
node summary.js || rc=$?
node --test test/*.test.js || rc=$?
exit "$rc"
