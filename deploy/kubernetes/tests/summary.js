// Prints, for every overlay, its objects by kind and what each was validated against; exits 1
// when an overlay does not render or an object does not validate (the tests say what).
import { renderOverlays } from './lib/render.js';
import { kubernetesVersion, validateObject, vendoredCrds } from './lib/validate.js';

let failed = false;
const overlays = (() => {
  try {
    return renderOverlays();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
})();
if (overlays.length === 0) {
  console.error('no overlay under deploy/kubernetes/overlays');
  process.exit(1);
}
const crds = vendoredCrds();
console.log(`Schemas: Kubernetes ${kubernetesVersion} (@kubernetes/client-node models); CRDs: ${[...new Set(crds.map((c) => `${c.operator} ${c.group}/${c.version} ${c.kind}`))].join(', ') || 'none'}`);
for (const o of overlays) {
  const byKind = new Map();
  const sources = new Set();
  let invalid = 0;
  for (const obj of o.objects) {
    const key = `${obj.kind} (${obj.apiVersion})`;
    byKind.set(key, (byKind.get(key) ?? 0) + 1);
    const { source, errors } = validateObject(obj);
    if (source) sources.add(source.replace(/ CRD .* \(/, ' (').replace(/^(Kubernetes .*)$/, '$1'));
    if (errors.length > 0) invalid++;
  }
  failed ||= invalid > 0 || o.error !== undefined;
  if (o.error) console.log(`\n${o.name}: does not render: ${o.error}`);
  console.log(`\n${o.name}: ${o.objects.length} objects${invalid ? `, ${invalid} INVALID` : ', all valid'}`);
  for (const [kind, n] of [...byKind].sort()) console.log(`  ${String(n).padStart(3)} ${kind}`);
  console.log(`  validated against: ${[...sources].sort().join('; ')}`);
}
process.exit(failed ? 1 : 0);
