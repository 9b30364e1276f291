// ./passerelle k8s-manifests: copies the manifests the last build generated into
// deploy/kubernetes/generated/<app>/kubernetes.yml (lib/generated.js says why and how).
import { APPS, committedPath, writeCommitted } from './lib/generated.js';

try {
  writeCommitted();
  for (const app of APPS) console.log(`wrote ${committedPath(app)}`);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
