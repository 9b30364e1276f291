// The rendered Deployments set everything their services need in production, from values, the
// overlay's ConfigMaps or Secrets the operations guide or an operator provides; and nothing that
// no service reads. "Needs" comes from the properties files themselves (lib/config.js says the rule).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  appConfiguration, configurationViolations, developerOnly, documentedSecrets, expressions, secretReferenceViolations, secretsInGit,
} from '../lib/config.js';
import { passerelleDeployments } from '../lib/objects.js';
import { renderOverlays } from '../lib/render.js';
import { edgeRoutingViolations, wiringViolations } from '../lib/wiring.js';

const overlays = renderOverlays().filter((o) => !o.error);

for (const o of overlays) {
  test(`${o.name}: every setting a service needs in production is set, from a known source, and every variable set is read`, () => {
    assert.deepEqual(configurationViolations(o.objects), []);
  });
  test(`${o.name}: no Secret with data in the manifests; every Secret referred to is made by an operator or listed by the guide`, () => {
    assert.deepEqual(secretsInGit(o.objects), []);
    assert.deepEqual(secretReferenceViolations(o.objects), []);
  });
}

test('the needs are read from the properties files', () => {
  const enrollment = appConfiguration('enrollment-service');
  for (const v of ['PASSERELLE_DB_HOST', 'PASSERELLE_DB_PASSWORD', 'PASSERELLE_KAFKA_BOOTSTRAP', 'PASSERELLE_OIDC_URL', 'PASSERELLE_PUBLIC_BASE_URL']) {
    assert.ok(enrollment.needed.has(v), `enrollment-service needs ${v}`);
  }
  assert.ok(!enrollment.needed.has('PASSERELLE_ENROLLMENT_RETENTION_FR'), 'a retention period works anywhere');
  const gateway = appConfiguration('gateway');
  for (const v of ['PASSERELLE_ENROLLMENT_URL', 'PASSERELLE_CORS_ORIGINS', 'PASSERELLE_GATEWAY_MANAGEMENT_HOST', 'PASSERELLE_OIDC_URL']) {
    assert.ok(gateway.needed.has(v), `gateway needs ${v}`);
  }
  assert.ok(!gateway.needed.has('PASSERELLE_DB_HOST'), 'the gateway has no database');
});

test('the rule for developer-only defaults', () => {
  assert.deepEqual(expressions('jdbc:postgresql://${A:127.0.0.1}:${B:5432}/${c.d}'), [{ name: 'A', default: '127.0.0.1' }, { name: 'B', default: '5432' }, { name: 'c.d', default: undefined }]);
  assert.deepEqual(expressions('${X:${y.z}}'), [{ name: 'X', default: '${y.z}' }, { name: 'y.z', default: undefined }]);
  assert.ok(developerOnly('PASSERELLE_KAFKA_BOOTSTRAP', '127.0.0.1:9092'));
  assert.ok(developerOnly('PASSERELLE_CORS_ORIGINS', 'http://localhost:5173'));
  assert.ok(developerOnly('PASSERELLE_DB_PASSWORD', 'passerelle'));
  assert.ok(developerOnly('PASSERELLE_KAFKA_SECURITY_PROTOCOL', 'PLAINTEXT'));
  assert.ok(developerOnly('PASSERELLE_KAFKA_SASL_JAAS_CONFIG', ''));
  assert.equal(developerOnly('PASSERELLE_OTEL_ENDPOINT', '\\u0020'), undefined);
  assert.equal(developerOnly('PASSERELLE_GATEWAY_TIMEOUT', 'PT30S'), undefined);
  assert.equal(developerOnly('PASSERELLE_DB_USER', 'passerelle_${passerelle.events.service}'), undefined);
});

test('coverage fails on a missing variable, an unknown secret, a loopback value, plain http and a typo', () => {
  const o = overlays.find((x) => x.name === 'france') ?? overlays[0];
  if (!o) return;
  const objects = structuredClone(o.objects);
  const [d] = passerelleDeployments(objects);
  assert.ok(d, `${o.name} has a Passerelle Deployment`);
  const c = d.spec.template.spec.containers[0];
  c.envFrom = [];
  c.env = [
    ...(c.env ?? []).filter((e) => e.name !== 'PASSERELLE_DB_HOST' && e.name !== 'PASSERELLE_DB_PASSWORD'),
    { name: 'PASSERELLE_DB_HOST', value: '127.0.0.1' },
    { name: 'PASSERELLE_DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'my-own-secret', key: 'password' } } },
    { name: 'PASSERELLE_KAFKA_BOOTSTRAPS', value: 'passerelle-kafka-bootstrap:9093' },
    { name: 'PASSERELLE_PUBLIC_BASE_URL', value: 'http://api.passerelle.example' },
  ];
  const v = configurationViolations(objects).join('\n');
  assert.match(v, /PASSERELLE_KAFKA_BOOTSTRAP is not set/);
  assert.match(v, /PASSERELLE_DB_HOST from env names a loopback address/);
  assert.match(v, /Secret my-own-secret, which neither an operator's resource in the render creates nor docs\/guides\/kubernetes.md lists/);
  assert.match(v, /PASSERELLE_KAFKA_BOOTSTRAPS \(env\) is read by no property/);
  assert.match(v, /PASSERELLE_PUBLIC_BASE_URL \(env\) is plain http/);
});

test('a Secret reference outside the operators and the guide, or to a key not written, fails', () => {
  const objects = [
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'x', namespace: 'n' }, spec: { tls: [{ hosts: ['a.example'], secretName: 'not-documented-tls' }] } },
    { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'x-db', namespace: 'n' }, spec: { instances: 2 } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'n' }, spec: { containers: [{ name: 'c', env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'x-db-app', key: 'passwd' } } }] }] } },
  ];
  const v = secretReferenceViolations(objects).join('\n');
  assert.match(v, /Secret not-documented-tls is neither made by an operator/);
  assert.match(v, /key passwd of Secret x-db-app is not one its operator writes/);
  if (documentedSecrets().length > 0) {
    for (const d of documentedSecrets()) assert.ok(d.pattern.test(d.name.replace(/<[^>]+>/g, 'x')), d.name);
  }
});

for (const o of overlays) {
  test(`${o.name}: each service's database, Kafka listener, topics and Kafka user are the ones the render makes`, () => {
    assert.deepEqual(wiringViolations(o.objects), []);
  });
}

test('the wiring fails on another database, a plaintext client, a missing topic or a missing ACL', () => {
  const o = overlays.find((x) => x.name === 'france');
  if (!o) return;
  const objects = structuredClone(o.objects);
  const [d] = passerelleDeployments(objects);
  const c = d.spec.template.spec.containers[0];
  c.env = c.env.map((e) => (e.name === 'PASSERELLE_DB_HOST' ? { name: e.name, value: 'elsewhere-db-rw' } : e));
  c.env.push({ name: 'PASSERELLE_KAFKA_SECURITY_PROTOCOL', value: 'SSL' });
  const app = d.metadata.name;
  const user = objects.find((x) => x.kind === 'KafkaUser' && x.metadata.name === app);
  user.spec.authorization.acls = user.spec.authorization.acls.filter((a) => a.resource.type !== 'group');
  const remaining = objects.filter((x) => !(x.kind === 'KafkaTopic' && (x.spec?.topicName ?? x.metadata.name).endsWith('.dlq')));
  const v = wiringViolations(remaining).join('\n');
  assert.match(v, /PASSERELLE_DB_HOST elsewhere-db-rw is the -rw Service of no CloudNativePG Cluster/);
  assert.match(v, /security protocol SSL, but listener \S+ speaks SASL_SSL/);
  assert.match(v, /no KafkaTopic \S+\.events\.dlq/);
  assert.match(v, /no Read on group/);
});

test('the edge\'s gateway reaches each country\'s own services through that country\'s Ingress', () => {
  if (overlays.length === 0) return;
  assert.deepEqual(edgeRoutingViolations(overlays), []);
});

test('the routing check fails on a backend routed to the other country', () => {
  const renders = structuredClone(overlays);
  const edge = renders.find((r) => r.name === 'edge');
  if (!edge) return;
  const cm = edge.objects.find((o) => o.kind === 'ConfigMap' && o.data?.PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_ENROLLMENT);
  assert.ok(cm, 'the edge ConfigMap names MA\'s enrollment backend');
  cm.data.PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_ENROLLMENT = cm.data.PASSERELLE_GATEWAY_COUNTRIES_FR_BACKENDS_ENROLLMENT ?? cm.data.PASSERELLE_ENROLLMENT_URL;
  cm.data.PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_COHORT = 'http://cohort.ma.passerelle.example';
  const v = edgeRoutingViolations(renders).join('\n');
  assert.match(v, /PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_ENROLLMENT \S+: no Ingress of morocco serves/);
  assert.match(v, /PASSERELLE_GATEWAY_COUNTRIES_MA_BACKENDS_COHORT http:\/\/cohort\.ma\.passerelle\.example is not https/);
});
