// Renders a Kustomize directory with the machine's kubectl (1.32, Kustomize 5.5), as an operator
// would with `kubectl apply -k`, and parses the objects.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { overlaysDir } from './paths.js';

let kubectlChecked = false;
export const tools = {};

export function kubectl() {
  const bin = process.env.KUBECTL ?? 'kubectl';
  if (!kubectlChecked) {
    const probe = spawnSync(bin, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new Error(
        `kubectl is missing or broken (${probe.error?.code ?? probe.stderr.trim()}): the Kubernetes checks ` +
          'render every overlay with `kubectl kustomize`; install kubectl 1.32 (apt-get install kubectl, ' +
          'or set KUBECTL to its path)',
      );
    }
    const v = JSON.parse(probe.stdout);
    tools.kubectl = v.clientVersion?.gitVersion;
    tools.kustomize = v.kustomizeVersion;
    kubectlChecked = true;
  }
  return bin;
}

export function parseYamlDocuments(text, origin) {
  const objects = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${origin}: ${doc.errors[0].message}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) objects.push(value);
  }
  return objects;
}

const cache = new Map();

// run.sh renders each overlay once for the summary and every test file: they share this directory.
function sharedRender(dir) {
  const shared = process.env.PASSERELLE_K8S_RENDER_CACHE;
  if (!shared) return undefined;
  const file = join(shared, `${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.yaml`);
  return {
    read: () => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    write: (text) => writeFileSync(file, text),
  };
}

export function render(dir) {
  if (!cache.has(dir)) {
    const shared = sharedRender(dir);
    let text = shared?.read();
    if (text === undefined) {
      const result = spawnSync(kubectl(), ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (result.status !== 0) {
        throw new Error(`kubectl kustomize ${dir} failed:\n${result.stderr || result.error}`);
      }
      text = result.stdout;
      shared?.write(text);
    }
    cache.set(dir, parseYamlDocuments(text, `kubectl kustomize ${dir}`));
  }
  return cache.get(dir);
}

/** Every directory under overlays/ with a kustomization, by name. */
export function overlays() {
  if (!existsSync(overlaysDir)) return [];
  return readdirSync(overlaysDir)
    .filter((name) => statSync(join(overlaysDir, name)).isDirectory())
    .filter((name) => ['kustomization.yaml', 'kustomization.yml', 'Kustomization'].some((f) => existsSync(join(overlaysDir, name, f))))
    .sort()
    .map((name) => ({ name, dir: join(overlaysDir, name) }));
}

/** [{ name, dir, objects, error }]: an overlay that does not render has no objects and its error. */
export function renderOverlays() {
  kubectl();
  return overlays().map((o) => {
    try {
      return { ...o, objects: render(o.dir) };
    } catch (e) {
      return { ...o, objects: [], error: e.message };
    }
  });
}

export function describe(obj) {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj?.apiVersion ?? '?'} ${obj?.kind ?? '?'} ${ns}${obj?.metadata?.name ?? '?'}`;
}
