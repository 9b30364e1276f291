// Prints, for every overlay, its objects by kind and the schemas they are validated against (the
// tests validate them). Exits 1 when an overlay does not render or names an unknown kind.
import { renderOverlays } from './lib/render.js';
import { kubernetesVersion, schemaSource, vendoredCrds } from './lib/validate.js';

let failed = false;
let overlays;
try {
  overlays = renderOverlays();
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
if (overlays.length === 0) {
  console.error('no overlay under deploy/kubernetes/overlays');
  process.exit(1);
}
const crds = vendoredCrds();
console.log(`Kubernetes checks: API schemas of Kubernetes ${kubernetesVersion} (@kubernetes/client-node's models); vendored CRDs: ${[...new Set(crds.map((c) => `${c.operator} ${c.group}/${c.version} ${c.kind}`))].join(', ') || 'none'}`);
for (const o of overlays) {
  if (o.error) {
    failed = true;
    console.log(`\n${o.name}: does not render: ${o.error}`);
    continue;
  }
  const byKind = new Map();
  const sources = new Set();
  for (const obj of o.objects) {
    const key = `${obj.kind} (${obj.apiVersion})`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
    const source = schemaSource(obj);
    if (!source) failed = true;
    sources.add(source ?? `UNKNOWN KIND ${obj.apiVersion} ${obj.kind}`);
  }
  console.log(`\n${o.name}: ${o.objects.length} objects`);
  for (const [kind, n] of [...byKind].sort()) console.log(`  ${String(n).padStart(3)} ${kind}`);
  console.log(`  validated against: ${[...sources].sort().join('; ')}`);
}
process.exit(failed ? 1 : 0);
