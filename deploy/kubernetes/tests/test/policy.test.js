// Policies every overlay keeps: containers bounded and unprivileged, engines sized, every app
// available through disruptions, each country's render naming only itself, Kafka topics and
// PostgreSQL clusters replicated and backed up. Each policy is also shown to fail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { testsDir } from '../lib/paths.js';
import {
  availabilityViolations, containerViolations, countryViolations, engineViolations, kafkaTopicViolations, networkViolations,
  postgresViolations,
} from '../lib/policy.js';
import { parseYamlDocuments, renderOverlays } from '../lib/render.js';

const overlays = renderOverlays().filter((o) => !o.error);
const OTHER_COUNTRY = { france: 'MA', morocco: 'FR' };

for (const o of overlays) {
  test(`${o.name}: containers have requests, limits, probes, a non-root user, a read-only root filesystem, no privilege escalation or capabilities and a pinned image`, () => {
    assert.deepEqual(containerViolations(o.objects), []);
  });
  test(`${o.name}: the operators' resources ask for requests and limits`, () => {
    assert.deepEqual(engineViolations(o.objects), []);
  });
  test(`${o.name}: every Passerelle app has a PodDisruptionBudget, a NetworkPolicy and a HorizontalPodAutoscaler`, () => {
    assert.deepEqual(availabilityViolations(o.objects), []);
  });
  test(`${o.name}: only the gateway takes outside traffic, every app is isolated both ways, a service reaches only its own database`, () => {
    assert.deepEqual(networkViolations(o.objects), []);
  });
  test(`${o.name}: Kafka topics have 3 replicas and min.insync.replicas 2`, () => {
    assert.deepEqual(kafkaTopicViolations(o.objects), []);
  });
  test(`${o.name}: PostgreSQL clusters have a replica, WAL archiving and scheduled backups`, () => {
    assert.deepEqual(postgresViolations(o.objects), []);
  });
  if (OTHER_COUNTRY[o.name]) {
    test(`${o.name}: names nothing of ${OTHER_COUNTRY[o.name]}`, () => {
      assert.deepEqual(countryViolations(o.objects, OTHER_COUNTRY[o.name]), []);
    });
  }
}

test('every Passerelle app of a country overlay is rendered', () => {
  for (const o of overlays.filter((x) => OTHER_COUNTRY[x.name])) {
    const apps = o.objects.filter((x) => x.kind === 'Deployment').map((d) => d.metadata.name).sort();
    assert.deepEqual(apps, ['cohort-service', 'enrollment-service', 'partnership-service', 'placement-service'], o.name);
  }
  const edge = overlays.find((x) => x.name === 'edge');
  if (edge) assert.ok(edge.objects.some((x) => x.kind === 'Deployment' && x.metadata.name === 'gateway'), 'the edge runs the gateway');
});

const fixture = () => parseYamlDocuments(readFileSync(join(testsDir, 'fixtures', 'objects.yaml'), 'utf8'), 'fixtures/objects.yaml');

test('the policies fail on a container without limits, probes or a pinned image, or running as root', () => {
  const [deployment] = fixture();
  const spec = deployment.spec.template.spec;
  delete spec.containers[0].resources.limits;
  delete spec.containers[0].readinessProbe;
  spec.containers[0].image = 'registry.passerelle.example/passerelle/enrollment-service:latest';
  spec.securityContext = {};
  spec.containers[0].securityContext = { allowPrivilegeEscalation: true };
  spec.initContainers = [{ name: 'wait', image: 'busybox' }];
  spec.containers[0].livenessProbe.httpGet.path = '/health';
  const v = containerViolations([deployment]).join('\n');
  for (const expected of ['no cpu limits', 'no memory limits', 'no readiness probe', 'tagged latest', 'may run as root', 'readOnlyRootFilesystem', 'allowPrivilegeEscalation', 'capabilities are not dropped', 'liveness probe is not GET /q/health/live', 'init container wait: no cpu requests', 'busybox has no tag']) {
    assert.match(v, new RegExp(expected), `expected "${expected}" in\n${v}`);
  }
});

test('the policies fail on an app without a PDB, a NetworkPolicy or an HPA, and on an under-replicated topic or cluster', () => {
  const [deployment, , topic, cluster] = fixture();
  const v = availabilityViolations([deployment]).join('\n');
  assert.match(v, /no PodDisruptionBudget/);
  assert.match(v, /no NetworkPolicy/);
  assert.match(v, /no HorizontalPodAutoscaler/);
  topic.spec.replicas = 1;
  topic.spec.config['min.insync.replicas'] = 1;
  assert.equal(kafkaTopicViolations([topic]).length, 2);
  cluster.spec.instances = 1;
  delete cluster.spec.plugins;
  assert.match(postgresViolations([cluster]).join('\n'), /1 instance\(s\)[\s\S]*no WAL archiving[\s\S]*no ScheduledBackup/);
});

test('the country check finds the other country in names, hosts and backends', () => {
  const names = ['passerelle-ma', 'enrollment-ma', 'api.passerelle.ma', 'ma.passerelle.example', 'https://enrollment.ma.passerelle.example', 'Morocco', 'PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_ENROLLMENT'];
  for (const n of names) assert.equal(countryViolations([{ kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: n } }], 'MA').length, 1, n);
  const fine = ['passerelle-fr', 'max-body', 'cert-manager', 'schema.json', 'minimum', 'Europe/Paris', 'fr.passerelle.example'];
  for (const n of fine) assert.deepEqual(countryViolations([{ kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: n } }], 'MA'), [], n);
  assert.equal(countryViolations([{ kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 'https://api.passerelle.fr' } }], 'FR').length, 1);
});

test('the network check fails on an open service, a database shared with another service', () => {
  const o = overlays.find((x) => x.name === 'france');
  if (!o) return;
  const objects = structuredClone(o.objects);
  const [first, second] = objects.filter((x) => x.kind === 'Deployment');
  const policy = objects.find((x) => x.kind === 'NetworkPolicy' && x.metadata.name === first.metadata.name);
  policy.spec.ingress.push({ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }] });
  const host = first.spec.template.spec.containers[0].env.find((e) => e.name === 'PASSERELLE_DB_HOST').value;
  const dbPolicy = objects.find((x) => x.kind === 'NetworkPolicy' && x.spec.podSelector?.matchLabels?.['cnpg.io/cluster'] === host.replace(/-rw$/, ''));
  dbPolicy.spec.ingress.push({ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': second.metadata.name } } }] });
  const v = networkViolations(objects).join('\n');
  assert.match(v, new RegExp(`lets an address block in to ${first.metadata.name}`));
  assert.match(v, new RegExp(`lets ${second.metadata.name} in \\(a service reaches only its own database\\)`));
});
