// Every rendered object is valid against the Kubernetes 1.32 API or a vendored CRD, strictly;
// and the validation does fail on a renamed field, a wrong type, a missing field or a wrong kind.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { describe as name, parseYamlDocuments, renderOverlays } from '../lib/render.js';
import { testsDir } from '../lib/paths.js';
import { validateObject, vendoredCrds } from '../lib/validate.js';

const overlays = renderOverlays();

test('the france, morocco and edge overlays exist and render', () => {
  assert.deepEqual(overlays.map((o) => o.name).filter((n) => ['edge', 'france', 'morocco'].includes(n)), ['edge', 'france', 'morocco']);
  for (const o of overlays) {
    assert.equal(o.error, undefined, o.error);
    assert.ok(o.objects.length > 0, `${o.name} renders no object`);
  }
});

for (const o of overlays) {
  test(`${o.name}: every object is valid against the Kubernetes API or its operator's CRD`, () => {
    const errors = o.objects.flatMap((obj) => validateObject(obj).errors.map((e) => `${name(obj)} ${e}`));
    assert.deepEqual(errors, []);
  });
}

test('the operators\' CRDs are vendored (Strimzi, CloudNativePG, Keycloak)', () => {
  const groups = new Set(vendoredCrds().map((c) => c.group));
  for (const g of ['kafka.strimzi.io', 'postgresql.cnpg.io', 'k8s.keycloak.org']) assert.ok(groups.has(g), `no CRD of ${g} under deploy/kubernetes/schemas/crds`);
});

// The objects mutated below: the first rendered one of each kind, else the fixture's.
const fixtures = parseYamlDocuments(readFileSync(join(testsDir, 'fixtures', 'objects.yaml'), 'utf8'), 'fixtures/objects.yaml');
const rendered = overlays.flatMap((o) => o.objects);
function sample(kind, group) {
  const pick = (list) => list.find((o) => o.kind === kind && String(o.apiVersion).startsWith(group));
  return structuredClone(pick(rendered) ?? pick(fixtures));
}

function rejects(obj, pattern) {
  const { errors } = validateObject(obj);
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got ${JSON.stringify(errors)}`);
}

test('a Deployment with a renamed, a mistyped or a missing field is rejected', () => {
  const d = sample('Deployment', 'apps/');
  assert.deepEqual(validateObject(d).errors, []);
  const renamed = structuredClone(d);
  const c = renamed.spec.template.spec.containers[0];
  c.readinesProbe = c.readinessProbe; // a typo
  delete c.readinessProbe;
  rejects(renamed, /unknown field "readinesProbe"/);
  const top = structuredClone(d);
  top.spec.replica = 2;
  rejects(top, /unknown field "replica"/);
  const mistyped = structuredClone(d);
  mistyped.spec.replicas = 'two';
  rejects(mistyped, /\/spec\/replicas: must be integer/);
  const envNumber = structuredClone(d);
  envNumber.spec.template.spec.containers[0].env = [{ name: 'PORT', value: 8080 }];
  rejects(envNumber, /env\/0\/value: must be string/);
  const missing = structuredClone(d);
  delete missing.spec.selector;
  rejects(missing, /missing required field "selector"/);
});

test('a Kafka custom resource with a renamed field is rejected', () => {
  const k = sample('Kafka', 'kafka.strimzi.io/');
  assert.deepEqual(validateObject(k).errors, []);
  k.spec.kafka.listener = k.spec.kafka.listeners;
  delete k.spec.kafka.listeners;
  rejects(k, /unknown field "listener"/);
  const topic = sample('KafkaTopic', 'kafka.strimzi.io/');
  topic.spec.replicas = '3';
  rejects(topic, /replicas: must be integer/);
});

test('a CloudNativePG Cluster with a renamed field is rejected', () => {
  const c = sample('Cluster', 'postgresql.cnpg.io/');
  assert.deepEqual(validateObject(c).errors, []);
  c.spec.instance = c.spec.instances;
  delete c.spec.instances;
  rejects(c, /unknown field "instance"/);
});

test('a changed kind or apiVersion is rejected', () => {
  const d = sample('Deployment', 'apps/');
  rejects({ ...d, kind: 'Deploymnet' }, /unknown apiVersion\/kind apps\/v1:Deploymnet/);
  rejects({ ...d, apiVersion: 'extensions/v1beta1' }, /unknown apiVersion\/kind extensions\/v1beta1:Deployment/);
  // A kind that exists, with fields it does not have.
  rejects({ ...d, kind: 'StatefulSet' }, /missing required field "serviceName"/);
  const k = sample('Kafka', 'kafka.strimzi.io/');
  rejects({ ...k, apiVersion: 'kafka.strimzi.io/v1alpha9' }, /unknown apiVersion\/kind/);
});
