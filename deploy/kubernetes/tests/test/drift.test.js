// What is generated stays what is committed: the realm import the edge renders is what its
// script makes of deploy/keycloak/passerelle-realm.json, and the services' committed manifests are
// what the last build generated (in CI the build has just run, so the check always runs there).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { kubernetesDir, repoRoot } from '../lib/paths.js';
import { APPS, builtPath, canonical, committedPath } from '../lib/generated.js';
import { parseYamlDocuments, renderOverlays } from '../lib/render.js';

function findRealmImportScripts(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'tests' || name === 'node_modules' ? [] : findRealmImportScripts(path);
    return /^realm-import\.(py|sh)$/.test(name) ? [path] : [];
  });
}

test('the edge renders the KeycloakRealmImport its script makes from deploy/keycloak/passerelle-realm.json', () => {
  const scripts = findRealmImportScripts(kubernetesDir);
  assert.equal(scripts.length, 1, `one realm-import script under deploy/kubernetes (found ${scripts.map((s) => relative(repoRoot, s)).join(', ') || 'none'})`);
  const [script] = scripts;
  const run = spawnSync(script.endsWith('.py') ? 'python3' : 'bash', [script, '--check'], {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
  });
  assert.equal(run.status, 0, `${relative(repoRoot, script)} --check: the committed realm import is stale; run ${relative(repoRoot, script)} and commit its output\n${run.stdout}${run.stderr}`);
  // The file the script wrote is what the edge renders (kustomize only adds the namespace).
  const written = readFileSync(script, 'utf8').match(/overlays["/ ,]+edge["/ ,]+(realm-import\.ya?ml)/)?.[1] ?? 'realm-import.yaml';
  const [expected] = parseYamlDocuments(readFileSync(join(kubernetesDir, 'overlays', 'edge', written), 'utf8'), written);
  const edge = renderOverlays().find((o) => o.name === 'edge');
  assert.ok(edge && !edge.error, 'the edge overlay renders');
  const imports = edge.objects.filter((o) => o.kind === 'KeycloakRealmImport');
  assert.equal(imports.length, 1, 'the edge renders one KeycloakRealmImport');
  assert.deepEqual(imports[0].spec, expected.spec);
  const realm = JSON.parse(readFileSync(join(repoRoot, 'deploy', 'keycloak', 'passerelle-realm.json'), 'utf8'));
  assert.equal(imports[0].spec.realm.realm, realm.realm);
});

test('the committed manifests are what the last build generated (required in CI, after the build)', () => {
  const built = APPS.filter((app) => existsSync(builtPath(app)));
  if (process.env.CI === 'true') {
    assert.deepEqual(built, APPS, 'in CI the build has generated every app\'s manifests (target/kubernetes/kubernetes.yml)');
  }
  for (const app of built) {
    const expected = canonical(app, readFileSync(builtPath(app), 'utf8'));
    assert.ok(existsSync(committedPath(app)), `${relative(repoRoot, committedPath(app))} is committed`);
    assert.equal(
      readFileSync(committedPath(app), 'utf8'),
      expected,
      `${relative(repoRoot, committedPath(app))} is not what the build generated: run ./passerelle k8s-manifests and commit the result`,
    );
  }
});
