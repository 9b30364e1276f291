#!/usr/bin/env bash
# Validates an AsyncAPI document with the official AsyncAPI CLI, the version pinned by
# package-lock.json next to this script (the api-contract build runs it on the generated
# document).
# The CLI is installed with `npm ci` into node_modules/ here, kept across `mvn clean`, and
# installed again only when package-lock.json changed. No telemetry, no update check, no prompt.
#
#   api-contract/asyncapi/validate.sh <asyncapi.json|yaml>
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
document="${1:?usage: validate.sh <asyncapi document>}"
[[ -f "$document" ]] || { echo "validate.sh: $document does not exist" >&2; exit 2; }
for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null ||
    { echo "validate.sh: $tool is missing; the build validates the AsyncAPI document with Node.js (20+) and npm" >&2; exit 2; }
done

modules="$here/node_modules"
stamp="$modules/.passerelle-lock.sha256"
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ ! -x "$modules/.bin/asyncapi" || "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]]; then
  echo "validate.sh: installing the AsyncAPI CLI (npm ci, once per package-lock.json change)"
  started=$SECONDS
  # Lifecycle scripts are not needed to validate; skipping them keeps the install fast and inert.
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline \
    --loglevel=error --update-notifier=false </dev/null)
  echo "$lock_sum" >"$stamp"
  echo "validate.sh: installed in $((SECONDS - started)) s"
fi

# The CLI records usage analytics unless CI=true or its analytics file says no; it checks npm
# for a newer version unless told not to. Both off; stdin closed so it can never wait.
analytics="$modules/.asyncapi-analytics"
[[ -f "$analytics" ]] ||
  echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"passerelle-build"}' >"$analytics"
CI=true ASYNCAPI_METRICS_CONFIG_PATH="$analytics" ASYNCAPI_SKIP_NEW_VERSION_CHECK=true \
  "$modules/.bin/asyncapi" validate "$document" --fail-severity=warn </dev/null
