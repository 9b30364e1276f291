// Wiring: what a service's environment names exists in the render as its operator will make it.
// Its database: PASSERELLE_DB_HOST is the `-rw` Service of a CloudNativePG Cluster of the render,
// PASSERELLE_DB_NAME that cluster's database, the credentials its `-app` Secret. Its Kafka: the
// bootstrap is a listener of the render's Kafka that speaks what the client is configured for;
// its topic and DLQ are KafkaTopics of that cluster; its KafkaUser may write them, read every
// service's events and its consumer group.
import { describe } from './render.js';
import { appConfiguration, appName, containerEnvironment } from './config.js';
import { ofKind, passerelleDeployments } from './objects.js';

function value(env, name, fallback) {
  const e = env.get(name);
  if (!e) return fallback;
  return e.value;
}

function allows(user, type, name, operation) {
  return (user.spec?.authorization?.acls ?? []).some((acl) => acl.resource?.type === type
    && (acl.resource.name === name || acl.resource.name === '*' || (acl.resource.patternType === 'prefix' && name.startsWith(acl.resource.name)))
    && (acl.operations ?? [acl.operation]).some((op) => op === operation || op === 'All'));
}

export function wiringViolations(objects) {
  const out = [];
  const clusters = ofKind(objects, 'Cluster', 'postgresql.cnpg.io');
  const kafkas = ofKind(objects, 'Kafka', 'kafka.strimzi.io');
  const topics = ofKind(objects, 'KafkaTopic', 'kafka.strimzi.io');
  const users = ofKind(objects, 'KafkaUser', 'kafka.strimzi.io');
  const eventTopics = topics.map((t) => t.spec?.topicName ?? t.metadata.name).filter((n) => n.endsWith('.events'));
  for (const d of passerelleDeployments(objects)) {
    const where = describe(d);
    const { properties } = appConfiguration(appName(d));
    const service = properties.get('passerelle.events.service');
    if (!service) continue; // the gateway: no database, no Kafka
    const env = containerEnvironment(d, objects);
    const ns = d.metadata.namespace;

    const host = value(env, 'PASSERELLE_DB_HOST');
    const cluster = clusters.find((c) => c.metadata.namespace === ns && host === `${c.metadata.name}-rw`);
    if (!cluster) out.push(`${where}: PASSERELLE_DB_HOST ${host} is the -rw Service of no CloudNativePG Cluster in ${ns}`);
    else {
      const database = value(env, 'PASSERELLE_DB_NAME', `passerelle_${service}`);
      if (cluster.spec?.bootstrap?.initdb?.database !== database) out.push(`${where}: database ${database}, but ${describe(cluster)} creates ${cluster.spec?.bootstrap?.initdb?.database}`);
      for (const v of ['PASSERELLE_DB_USER', 'PASSERELLE_DB_PASSWORD']) {
        if (env.get(v)?.secret !== `${cluster.metadata.name}-app`) out.push(`${where}: ${v} is not read from Secret ${cluster.metadata.name}-app`);
      }
      if (String(value(env, 'PASSERELLE_DB_PORT', '5432')) !== '5432') out.push(`${where}: PASSERELLE_DB_PORT is not PostgreSQL's 5432`);
    }

    const [bootstrapHost, bootstrapPort] = String(value(env, 'PASSERELLE_KAFKA_BOOTSTRAP', '')).split(':');
    const kafka = kafkas.find((k) => k.metadata.namespace === ns && bootstrapHost === `${k.metadata.name}-kafka-bootstrap`);
    if (!kafka) {
      out.push(`${where}: PASSERELLE_KAFKA_BOOTSTRAP ${bootstrapHost} is the bootstrap Service of no Kafka in ${ns}`);
      continue;
    }
    const listener = (kafka.spec?.kafka?.listeners ?? []).find((l) => String(l.port) === bootstrapPort);
    const protocol = value(env, 'PASSERELLE_KAFKA_SECURITY_PROTOCOL', 'PLAINTEXT');
    const mechanism = value(env, 'PASSERELLE_KAFKA_SASL_MECHANISM', '');
    if (!listener) out.push(`${where}: ${describe(kafka)} has no listener on port ${bootstrapPort}`);
    else {
      const wanted = `${listener.authentication?.type === 'scram-sha-512' ? 'SASL_' : ''}${listener.tls ? 'SSL' : 'PLAINTEXT'}`;
      if (protocol !== wanted) out.push(`${where}: security protocol ${protocol}, but listener ${listener.name} speaks ${wanted}`);
      if (listener.authentication?.type === 'scram-sha-512' && mechanism !== 'SCRAM-SHA-512') out.push(`${where}: SASL mechanism ${mechanism}, but listener ${listener.name} takes SCRAM-SHA-512`);
    }
    const caSecret = env.get('PASSERELLE_KAFKA_TRUSTSTORE_CERTIFICATES')?.secret;
    if (listener?.tls && caSecret !== `${kafka.metadata.name}-cluster-ca-cert`) out.push(`${where}: the truststore is not Secret ${kafka.metadata.name}-cluster-ca-cert`);

    const own = `${service}.events`;
    for (const topic of [own, `${own}.dlq`]) {
      const t = topics.find((x) => x.metadata.namespace === ns && (x.spec?.topicName ?? x.metadata.name) === topic);
      if (!t) out.push(`${where}: no KafkaTopic ${topic} in ${ns}`);
      else if (t.metadata.labels?.['strimzi.io/cluster'] !== kafka.metadata.name) out.push(`${describe(t)}: not labelled strimzi.io/cluster: ${kafka.metadata.name}`);
    }
    const userName = env.get('PASSERELLE_KAFKA_SASL_JAAS_CONFIG')?.secret;
    const user = users.find((u) => u.metadata.namespace === ns && u.metadata.name === userName);
    if (!user) {
      out.push(`${where}: PASSERELLE_KAFKA_SASL_JAAS_CONFIG reads Secret ${userName}, which no KafkaUser in ${ns} makes`);
      continue;
    }
    if (user.metadata.labels?.['strimzi.io/cluster'] !== kafka.metadata.name) out.push(`${describe(user)}: not labelled strimzi.io/cluster: ${kafka.metadata.name}`);
    if (listener?.authentication?.type && user.spec?.authentication?.type !== listener.authentication.type) out.push(`${describe(user)}: authentication ${user.spec?.authentication?.type}, listener ${listener.name} takes ${listener.authentication.type}`);
    const group = value(env, 'PASSERELLE_EVENTS_CONSUMER_GROUP', properties.get('passerelle.events.consumer.group') ?? service);
    const needs = [
      ['topic', own, 'Write'], ['topic', own, 'Describe'], ['topic', `${own}.dlq`, 'Write'], ['topic', `${own}.dlq`, 'Read'],
      ['group', group, 'Read'], ...eventTopics.map((t) => ['topic', t, 'Read']),
    ];
    for (const [type, name, op] of needs) {
      if (!allows(user, type, name, op)) out.push(`${describe(user)}: no ${op} on ${type} ${name} (${appName(d)} needs it)`);
    }
  }
  return out;
}

/**
 * The edge's gateway reaches each country's own services: for every country it serves and every
 * backend its properties name (passerelle.gateway.backends.<backend>), the URL it is given
 * (PASSERELLE_GATEWAY_COUNTRIES_<CC>_BACKENDS_<BACKEND>, else PASSERELLE_<BACKEND>_URL) is https
 * and its host is a rule of an Ingress of that country's overlay (namespace passerelle-<cc>) whose
 * Service selects the pods of the service of that name.
 */
export function edgeRoutingViolations(renders) {
  const out = [];
  const edge = renders.find((r) => r.objects.some((o) => o.kind === 'Deployment' && appName(o) === 'gateway'));
  if (!edge) return ['no overlay runs the gateway'];
  const gateway = edge.objects.find((o) => o.kind === 'Deployment' && appName(o) === 'gateway');
  const where = describe(gateway);
  const { properties } = appConfiguration('gateway');
  const env = containerEnvironment(gateway, edge.objects);
  const backends = [...properties.keys()].map((k) => k.match(/^passerelle\.gateway\.backends\.([a-z0-9-]+)$/)?.[1]).filter(Boolean);
  const countries = String(value(env, 'PASSERELLE_COUNTRIES', 'FR,MA')).split(',').map((c) => c.trim()).filter(Boolean);
  const defaultCountry = value(env, 'PASSERELLE_DEFAULT_COUNTRY', 'FR');
  if (!countries.includes(defaultCountry)) out.push(`${where}: default country ${defaultCountry} is not one of ${countries.join(',')}`);
  for (const cc of countries) {
    const render = renders.find((r) => r.objects.some((o) => o.kind === 'Namespace' && o.metadata.name === `passerelle-${cc.toLowerCase()}`));
    if (!render) {
      out.push(`${where}: serves ${cc}, but no overlay makes namespace passerelle-${cc.toLowerCase()}`);
      continue;
    }
    for (const backend of backends) {
      const variable = `PASSERELLE_GATEWAY_COUNTRIES_${cc}_BACKENDS_${backend.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
      const fallback = `PASSERELLE_${backend.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
      const url = value(env, variable) ?? value(env, fallback);
      const label = env.has(variable) ? variable : fallback;
      if (!url) {
        out.push(`${where}: no URL of ${cc}'s ${backend} (${variable})`);
        continue;
      }
      if (cc !== defaultCountry && !env.has(variable)) out.push(`${where}: ${cc}'s ${backend} falls back to the default country's ${fallback} (${variable} is not set)`);
      let parsed;
      try {
        parsed = new URL(url);
      } catch {
        out.push(`${where}: ${label} ${url} is not a URL`);
        continue;
      }
      if (parsed.protocol !== 'https:') out.push(`${where}: ${label} ${url} is not https (it crosses clusters)`);
      const rules = ofKind(render.objects, 'Ingress').flatMap((i) => (i.spec?.rules ?? []).map((r) => ({ ingress: i, rule: r })));
      const rule = rules.find((r) => r.rule.host === parsed.hostname);
      if (!rule) {
        out.push(`${where}: ${label} ${url}: no Ingress of ${render.name} serves ${parsed.hostname}`);
        continue;
      }
      const serviceName = rule.rule.http?.paths?.[0]?.backend?.service?.name;
      const service = render.objects.find((o) => o.kind === 'Service' && o.metadata.name === serviceName);
      const target = service && passerelleDeployments(render.objects).find((d) => Object.entries(service.spec?.selector ?? { none: 'none' })
        .every(([k, v]) => d.spec.template.metadata.labels?.[k] === v));
      const targetService = target && appConfiguration(appName(target)).properties.get('passerelle.events.service');
      if (targetService !== backend) out.push(`${where}: ${label} ${url} reaches ${describe(rule.ingress)} → Service ${serviceName} → ${target ? appName(target) : 'no Passerelle Deployment'}, not ${cc}'s ${backend}`);
    }
  }
  return out;
}
