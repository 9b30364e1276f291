// Prints, for every overlay, its objects by kind and the schemas they are validated against (the
// tests validate them). Exits 1 when an overlay does not render or names an unknown kind.
import { renderOverlays, tools } from './lib/render.js';
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
console.log(`Rendered with kubectl ${tools.kubectl} (Kustomize ${tools.kustomize})`);
console.log(`Kubernetes checks: Kubernetes ${kubernetesVersion} API (@kubernetes/client-node's models); vendored CRDs: ${[...new Set(crds.map((c) => `${c.release} (${c.group}/${c.version} ${c.kind})`))].join(', ') || 'none'}`);
for (const o of overlays) {
  if (o.error) {
    failed = true;
    console.log(`\n${o.name}: does not render: ${o.error}`);
    continue;
  }
  const byKind = new Map();
  const sources = new Map();
  for (const obj of o.objects) {
    const key = `${obj.kind} (${obj.apiVersion})`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
    const source = schemaSource(obj) ?? 'UNKNOWN apiVersion/kind';
    if (source.startsWith('UNKNOWN')) failed = true;
    sources.set(source, (sources.get(source) ?? 0) + 1);
  }
  console.log(`\n${o.name}: ${o.objects.length} objects`);
  for (const [kind, n] of [...byKind].sort()) console.log(`  ${String(n).padStart(3)} ${kind}`);
  console.log('  validated against:');
  for (const [source, n] of [...sources].sort()) console.log(`  ${String(n).padStart(3)} ${source}`);
}
process.exit(failed ? 1 : 0);
