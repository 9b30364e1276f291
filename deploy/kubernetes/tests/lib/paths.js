// Where the checks read from. PASSERELLE_K8S_ROOT points them at another checkout (e.g. a
// helper's worktree) without copying anything; by default, the repository these tests live in.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const testsDir = resolve(here, '..');
export const repoRoot = resolve(process.env.PASSERELLE_K8S_ROOT ?? join(testsDir, '..', '..', '..'));
export const kubernetesDir = join(repoRoot, 'deploy', 'kubernetes');
export const overlaysDir = join(kubernetesDir, 'overlays');
export const crdsDir = join(kubernetesDir, 'schemas', 'crds');
export const generatedDir = join(kubernetesDir, 'generated');
export const operationsGuide = join(repoRoot, 'docs', 'guides', 'kubernetes.md');
export const configurationGuide = join(repoRoot, 'docs', 'guides', 'configuration.md');
