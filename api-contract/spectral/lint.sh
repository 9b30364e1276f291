#!/usr/bin/env bash
# Lints an OpenAPI document with Spectral and the OWASP API Security ruleset, the versions pinned
# by package-lock.json next to this script, under the project's ruleset .spectral.yaml (the
# api-contract build runs it on the merged document the gateway serves). Fails on any error;
# prints each error, and the warnings counted by rule. Spectral is installed with `npm ci` into
# node_modules/ here, kept across `mvn clean`, and installed again only when package-lock.json
# changed. No telemetry, no prompt.
#
#   api-contract/spectral/lint.sh <openapi.json|yaml> [report.json]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
document="${1:?usage: lint.sh <openapi document> [report.json]}"
[[ -f "$document" ]] || { echo "lint.sh: $document does not exist" >&2; exit 2; }
for tool in node npm sha256sum; do
  command -v "$tool" >/dev/null ||
    { echo "lint.sh: $tool is missing; the build lints the OpenAPI document with Node.js (20+) and npm" >&2; exit 2; }
done
report="${2:-}"
if [[ -z "$report" ]]; then
  report="$(mktemp --suffix=.json)"
  trap 'rm -f "$report"' EXIT
fi
mkdir -p "$(dirname "$report")"

# Spectral's dependencies include Scarf's install analytics; it is told no, and install scripts
# (not needed to lint) do not run at all.
export SCARF_ANALYTICS=false
modules="$here/node_modules"
stamp="$modules/.passerelle-lock.sha256"
lock_sum="$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)"
if [[ ! -x "$modules/.bin/spectral" || "$(cat "$stamp" 2>/dev/null || true)" != "$lock_sum" ]]; then
  echo "lint.sh: installing Spectral (npm ci, once per package-lock.json change)"
  started=$SECONDS
  (cd "$here" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline \
    --loglevel=error --update-notifier=false </dev/null)
  echo "$lock_sum" >"$stamp"
  echo "lint.sh: installed in $((SECONDS - started)) s"
fi

status=0
"$modules/.bin/spectral" lint "$document" --ruleset "$here/.spectral.yaml" \
  --fail-severity=error --format=json --output="$report" --quiet </dev/null || status=$?
if [[ ! -s "$report" ]]; then
  echo "lint.sh: Spectral wrote no report (exit $status)" >&2
  exit 2
fi

# Errors one per line, warnings and below counted by rule: each one is in the report.
node - "$report" "$document" <<'EOF'
const [report, document] = process.argv.slice(2);
const results = JSON.parse(require('fs').readFileSync(report, 'utf8'));
const names = ['error', 'warning', 'info', 'hint'];
const counts = [0, 0, 0, 0];
const byRule = new Map();
for (const result of results) {
  counts[result.severity]++;
  if (result.severity === 0) {
    console.log(`  error ${result.code}: ${result.message} at #/${result.path.join('/')}`);
  } else {
    const key = `${names[result.severity]} ${result.code}`;
    byRule.set(key, (byRule.get(key) || 0) + 1);
  }
}
for (const [key, count] of [...byRule].sort()) {
  console.log(`  ${key}: ${count}`);
}
console.log(`Spectral (OWASP API ruleset) on ${document}: ${counts[0]} errors, ${counts[1]} warnings,`
  + ` ${counts[2]} infos, ${counts[3]} hints`);
EOF
if ((status != 0)); then
  echo "lint.sh: the OpenAPI document has Spectral errors (see above; rules in $here/.spectral.yaml)" >&2
fi
exit "$status"
